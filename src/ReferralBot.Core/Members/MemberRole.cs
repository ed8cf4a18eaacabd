namespace ReferralBot.Core.Members;

public enum MemberRole
{
    Customer = 0,
    Influencer = 1,
}
