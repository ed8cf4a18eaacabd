using ReferralBot.Core.Campaigns;

namespace ReferralBot.Core.Experiments;

/// <summary>An A/B test of one campaign setting: its variants, and where it stands.</summary>
public sealed class Experiment
{
    public int Id { get; private set; }
    public int CampaignId { get; init; }
    public Campaign Campaign { get; init; } = null!;

    /// <summary>Unique across the service, as admins name it in chat: lower-case letters, digits and hyphens.</summary>
    public required string Name { get; init; }

    /// <summary>The setting it tests (<see cref="ExperimentSettings"/>).</summary>
    public required string Setting { get; init; }

    public ExperimentState State { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; set; }
    public DateTime? StoppedAt { get; set; }

    /// <summary>The label of the variant it was stopped with, whose value the campaign took.</summary>
    public string? Winner { get; set; }

    public List<ExperimentVariant> Variants { get; init; } = [];
}
