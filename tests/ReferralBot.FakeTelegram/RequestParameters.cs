using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ReferralBot.FakeTelegram;

/// <summary>A Bot API call's fields, however they came: JSON body, form, multipart (with files) or query string.</summary>
internal static class RequestParameters
{
    public static async Task<(Dictionary<string, string> Parameters, Dictionary<string, byte[]> Files)> ReadAsync(HttpRequest request)
    {
        var parameters = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var files = new Dictionary<string, byte[]>();
        if (request.HasJsonContentType())
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                    parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var field in form) parameters[field.Key] = field.Value.ToString();
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                files[file.Name] = buffer.ToArray();
            }
        }

        // "photo=attach://0" names the multipart part that holds the photo, as the Bot API allows.
        foreach (var (name, value) in parameters.ToList())
        {
            if (value.StartsWith("attach://", StringComparison.Ordinal) && files.TryGetValue(value["attach://".Length..], out var attached))
                files[name] = attached;
        }

        return (parameters, files);
    }
}
