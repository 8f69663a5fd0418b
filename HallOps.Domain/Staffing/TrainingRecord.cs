using HallOps.Domain.Hall;

namespace HallOps.Domain.Staffing;

/// <summary>How a B holder learned the post's work (AB2).</summary>
public enum TrainingKind
{
    /// <summary>集中学习</summary>
    GroupStudy = 1,

    /// <summary>授课</summary>
    Lesson = 2,

    /// <summary>A–B 结对子</summary>
    Pairing = 3,
}

/// <summary>One training of a B holder for a post (AB2: B holders are trained to do A's work).</summary>
public class TrainingRecord
{
    public int Id { get; set; }

    public int PostId { get; set; }
    public Post? Post { get; set; }

    public int StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }

    public TrainingKind Kind { get; set; }

    public DateOnly Date { get; set; }

    public decimal Hours { get; set; }

    public required string Topic { get; set; }

    public required string RecordedBy { get; set; }
}
