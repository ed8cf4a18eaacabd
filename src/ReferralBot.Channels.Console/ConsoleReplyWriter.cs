using Microsoft.Extensions.Options;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Links;

namespace ReferralBot.Channels.Console;

/// <summary>Renders the core's replies in the terminal; pictures and files are saved and their paths printed.</summary>
internal sealed class ConsoleReplyWriter(ConsoleIo io, IOptions<ConsoleChatOptions> options) : IDisposable
{
    // Replies to what was typed and messages sent on the bot's own initiative must not interleave.
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task WriteAsync(IReadOnlyList<Reply> replies, string? heading, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (heading is not null) await io.Out.WriteLineAsync(heading.AsMemory(), cancellationToken);
            await WriteRepliesAsync(replies, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task WriteRepliesAsync(IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            var text = reply switch
            {
                TextReply t => Text(t),
                QrCodeReply q => QrCodeRenderer.Ascii(q.EncodedText) + "\n" + await SaveAsync(q.Png, q.FileName, q.CaptionHtml, cancellationToken),
                ImageReply i => await SaveAsync(i.Png, i.FileName, i.CaptionHtml, cancellationToken),
                DocumentReply d => await SaveAsync(d.Content, d.FileName, d.CaptionHtml, cancellationToken),
                _ => $"({reply.GetType().Name})",
            };
            await io.Out.WriteLineAsync(text.AsMemory(), cancellationToken);
            await io.Out.WriteLineAsync();
        }

        await io.Out.FlushAsync(cancellationToken);
    }

    private string Text(TextReply reply)
    {
        var lines = new List<string> { HtmlToText.Convert(reply.Html, io.UseColor) };
        // Posting a card to another chat is Telegram's; the terminal has no chats to post to.
        lines.AddRange(reply.Buttons.Where(b => b.Kind != ButtonKind.ShareToChat).Select(b => b.Kind switch
        {
            ButtonKind.Share => $"  [{b.Label}] {b.ShareText} {b.Value}",
            // A text to copy may run over lines: they stay indented under their button.
            _ => $"  [{b.Label}] {b.Value.Replace("\n", "\n      ", StringComparison.Ordinal)}",
        }));
        return string.Join('\n', lines);
    }

    private async Task<string> SaveAsync(byte[] content, string fileName, string? captionHtml, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.FilesPath);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Path.GetFileName(fileName));
        await File.WriteAllBytesAsync(path, content, cancellationToken);
        var caption = captionHtml is null ? "" : HtmlToText.Convert(captionHtml, io.UseColor) + "\n";
        return $"{caption}Saved to {path}";
    }
}
