using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Domain.Staffing;

public enum PostRole
{
    /// <summary>A岗: the post's owner.</summary>
    A = 1,

    /// <summary>B岗: a named backup.</summary>
    B = 2,
}

/// <summary>Who holds a post, as A or as B (AB1).</summary>
public class PostHolder : IPublishesChanges
{
    public int Id { get; set; }

    public int PostId { get; set; }
    public Post? Post { get; set; }

    public int StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }

    public PostRole Role { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Post(PostId);
}
