namespace ReferralBot.Channels.Telegram.Setup;

/// <summary>What start-up learnt: whether the bot is connected, and its username.</summary>
internal sealed class TelegramBotState
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? Username { get; private set; }

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    public Task WhenReady => ready.Task;

    public void Connected(string username)
    {
        Username = username;
        ready.TrySetResult();
    }
}
