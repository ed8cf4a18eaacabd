namespace ReferralBot.Core.Experiments;

public enum ExperimentState
{
    /// <summary>Being set up: variants may be added; nobody sees it yet.</summary>
    Draft = 0,
    Running = 1,
    Stopped = 2,
}
