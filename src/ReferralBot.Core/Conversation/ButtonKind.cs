namespace ReferralBot.Core.Conversation;

public enum ButtonKind
{
    Command,
    Link,
    Share,
}
