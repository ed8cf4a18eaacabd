using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ReferralBot.FakeTelegram;

/// <summary>A Bot API call's fields, however they came: query string, JSON body, urlencoded form or multipart (with files).</summary>
internal static class RequestParameters
{
    private const string Attach = "attach://";

    /// <summary>The fields and files, or null when the body claims to be JSON and is not a JSON object.</summary>
    public static async Task<(Dictionary<string, string> Parameters, Dictionary<string, UploadedPart> Files)?> ReadAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var files = new Dictionary<string, UploadedPart>(StringComparer.Ordinal);
        if (request.HasJsonContentType())
        {
            if (!await ReadJsonAsync(request.Body, parameters, cancellationToken)) return null;
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var field in form) parameters[field.Key] = field.Value.ToString();
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                files[file.Name] = new UploadedPart(file.FileName, file.ContentType, buffer.ToArray());
            }
        }

        // "photo=attach://0" (as Telegram.Bot sends) names the part that holds the photo: the file is the field's.
        var attachments = parameters
            .Where(p => p.Value.StartsWith(Attach, StringComparison.Ordinal) && files.ContainsKey(p.Value[Attach.Length..]))
            .ToDictionary(p => p.Key, p => p.Value[Attach.Length..]);
        foreach (var (field, part) in attachments) files[field] = files[part];
        foreach (var part in attachments.Values.Except(attachments.Keys)) files.Remove(part);
        return (parameters, files);
    }

    private static async Task<bool> ReadJsonAsync(Stream body, Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return false;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
