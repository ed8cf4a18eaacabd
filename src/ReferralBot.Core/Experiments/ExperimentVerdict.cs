namespace ReferralBot.Core.Experiments;

/// <summary>
/// What the numbers say so far, for a prompt to put in words. <see cref="Decided"/> only when the leader is at least
/// <see cref="ExperimentVerdicts.Sure"/> likely best and its difference from the runner-up is significant; otherwise
/// <see cref="MoreTrialsNeeded"/> says roughly how many more trials (across all variants) would settle it at this rate.
/// </summary>
public sealed record ExperimentVerdict(
    string Leader, double ProbabilityBest, string? RunnerUp, double? PValue, bool Decided, int? MoreTrialsNeeded, bool TooEarly);
