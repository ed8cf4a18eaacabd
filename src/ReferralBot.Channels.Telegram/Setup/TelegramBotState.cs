namespace ReferralBot.Channels.Telegram.Setup;

/// <summary>What start-up learnt: whether the bot is connected, and its username; else what stands in the way.</summary>
internal sealed class TelegramBotState
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? Username { get; private set; }

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    public Task WhenReady => ready.Task;

    /// <summary>Why the bot is not connected (for the health check), while it is not.</summary>
    public string Problem { get; private set; } = "Connecting to the Telegram Bot API.";

    public void Connected(string username)
    {
        Username = username;
        ready.TrySetResult();
    }

    public void Failed(string problem) => Problem = problem;
}
