using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Privacy;

/// <summary><c>/mydata</c>: everything stored about the person asking, as a JSON file in the chat.</summary>
public sealed class MyDataCommand(PersonalDataExport export, TimeProvider time, PromptRenderer prompts) : IChatCommand
{
    public string Name => "mydata";

    public string? MenuPrompt => PromptName.MenuMyData;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var day = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            new DocumentReply(await export.ForAsync(context.Person, cancellationToken), $"mydata-{day}.json", "application/json",
                await prompts.RenderAsync(PromptName.MyDataCaption, new { Day = day }, context.Locale)),
        ];
    }
}
