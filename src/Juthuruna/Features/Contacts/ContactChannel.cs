namespace Juthuruna.Features.Contacts;

/// <summary>The eight channels of the policy (القنوات المستخدمة للتواصل مع المستفيدين), in its order.</summary>
public enum ContactChannel
{
    InPerson = 1,
    Phone = 2,
    SocialMedia = 3,
    Letter = 4,
    AssistanceRequest = 5,
    Volunteering = 6,
    Website = 7,
    BranchRepresentative = 8,
}
