namespace HeadlessCrm.Api.Features.Members;

/// <summary>What a member may see: an admin the whole workspace, a manager the team's records, a rep their own.</summary>
public enum MemberRole
{
    Admin,
    Manager,
    Rep,
}
