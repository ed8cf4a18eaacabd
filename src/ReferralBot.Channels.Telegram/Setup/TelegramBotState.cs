namespace ReferralBot.Channels.Telegram.Setup;

/// <summary>What start-up learnt: whether the bot is connected, and its username; else what stands in the way.</summary>
internal sealed class TelegramBotState
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? Username { get; private set; }

    /// <summary>Whether inline mode is on for the bot (BotFather's /setinline): only then do "share to a chat" buttons work.</summary>
    public bool SupportsInlineQueries { get; private set; }

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    public Task WhenReady => ready.Task;

    /// <summary>Why the bot is not connected (for the health check), while it is not.</summary>
    public string Problem { get; private set; } = "Connecting to the Telegram Bot API.";

    public void Connected(string username, bool supportsInlineQueries)
    {
        Username = username;
        SupportsInlineQueries = supportsInlineQueries;
        ready.TrySetResult();
    }

    public void Failed(string problem) => Problem = problem;

    private TaskCompletionSource sender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource configured = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether this instance holds the bot's sender role: it alone sends, polls and sets the webhook and menus.</summary>
    public bool IsSender => Volatile.Read(ref sender).Task.IsCompletedSuccessfully;

    public Task WhenSender => Volatile.Read(ref sender).Task;

    /// <summary>Done once the sender has set the webhook (or removed it, for polling) and the menus.</summary>
    public Task WhenConfigured => configured.Task;

    public void BecameSender() => Volatile.Read(ref sender).TrySetResult();

    public void StoppedSending() => Interlocked.Exchange(ref sender, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Configured() => configured.TrySetResult();
}
