using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ReferralBot.Core.Experiments;

/// <summary>
/// Which variant a person gets: a hash of the experiment and the person, so the same two always give the same variant
/// (on any instance, after any restart), and people spread over the variants as the split says.
/// </summary>
public static class VariantAssignment
{
    /// <summary>The index of the variant, by <paramref name="weights"/> (the split, in any unit: 50/50, 1/1/2).</summary>
    public static int Pick(int experimentId, int personId, IReadOnlyList<int> weights)
    {
        if (weights.Count == 0 || weights.Any(w => w < 0) || weights.Sum() == 0)
            throw new ArgumentException("A split needs at least one positive weight and none below zero.", nameof(weights));

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes($"experiment:{experimentId}:person:{personId}"), hash);
        var point = BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            if (point < (ulong)weights[i]) return i;
            point -= (ulong)weights[i];
        }

        throw new InvalidOperationException("Unreachable: the point lies below the weights' sum.");
    }
}
