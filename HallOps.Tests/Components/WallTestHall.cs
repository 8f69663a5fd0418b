using HallOps.Domain.Coverage;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;

namespace HallOps.Tests.Components;

/// <summary>
/// A small hall written into a real database for the wall screen's tests:
/// <list type="bullet">
/// <item>一楼 (level 1): 01 医保 (A 张晓明, B 李静 and 王建华), 02 税务 (A 李静, B 张晓明), 03 户籍 (A 刘洋, no B: a configuration gap).</item>
/// <item>二楼 (level 2): 10 企业开办 (A 赵丽, B 陈敏), 12 出入境 (out of service).</item>
/// </list>
/// 孙涛 holds no post. Floors and windows are written out of order, and window ids differ from
/// window numbers, so the wall has to sort and map them itself.
/// </summary>
internal sealed class WallTestHall
{
    public const string GroundFloor = "一楼";
    public const string UpperFloor = "二楼";

    private WallTestHall(Dictionary<int, int> windowIds, Dictionary<int, int> postIds, Dictionary<string, int> staffIds,
        int groundFloorId, int upperFloorId, int policeUnitId)
    {
        WindowIds = windowIds;
        PostIds = postIds;
        StaffIds = staffIds;
        GroundFloorId = groundFloorId;
        UpperFloorId = upperFloorId;
        PoliceUnitId = policeUnitId;
    }

    /// <summary>Window number → window id.</summary>
    public IReadOnlyDictionary<int, int> WindowIds { get; }

    /// <summary>Window number → the id of the window's one post.</summary>
    public IReadOnlyDictionary<int, int> PostIds { get; }

    /// <summary>Staff name → staff id.</summary>
    public IReadOnlyDictionary<string, int> StaffIds { get; }

    public int GroundFloorId { get; }

    public int UpperFloorId { get; }

    public int PoliceUnitId { get; }

    public static async Task<WallTestHall> SeedAsync(HallDbContext db)
    {
        var upper = new Floor { Level = 2, Name = UpperFloor };
        var ground = new Floor { Level = 1, Name = GroundFloor };

        var medical = new HomeUnit { Name = "县医疗保障局" };
        var tax = new HomeUnit { Name = "县税务局" };
        var police = new HomeUnit { Name = "县公安局" };
        var market = new HomeUnit { Name = "县市场监督管理局" };

        var staffNo = 0;
        StaffMember Staff(string name) => new() { Name = name, EmployeeNo = $"T{++staffNo:000}" };
        var zhang = Staff("张晓明");
        var li = Staff("李静");
        var wang = Staff("王建华");
        var liu = Staff("刘洋");
        var chen = Staff("陈敏");
        var zhao = Staff("赵丽");
        var sun = Staff("孙涛");

        static ServiceWindow Window(int number, string name, Floor floor, HomeUnit unit, bool active, StaffMember a, params StaffMember[] b)
        {
            var post = new Post { Name = $"{name}受理" };
            post.Holders.Add(new PostHolder { StaffMember = a, Role = PostRole.A });
            foreach (var backup in b)
            {
                post.Holders.Add(new PostHolder { StaffMember = backup, Role = PostRole.B });
            }
            return new ServiceWindow { Number = number, Name = name, Floor = floor, HomeUnit = unit, IsActive = active, Posts = [post] };
        }

        ServiceWindow[] windows =
        [
            Window(12, "出入境", upper, police, active: false, chen, zhao),
            Window(10, "企业开办", upper, market, active: true, zhao, chen),
            Window(3, "户籍", ground, police, active: true, liu),
            Window(1, "医保", ground, medical, active: true, zhang, li, wang),
            Window(2, "税务", ground, tax, active: true, li, zhang),
        ];

        db.Floors.AddRange(upper, ground);
        db.HomeUnits.AddRange(medical, tax, police, market);
        db.StaffMembers.AddRange(zhang, li, wang, liu, chen, zhao, sun);
        db.Windows.AddRange(windows);
        await db.SaveChangesAsync();
        // Everyone is at work: the cards show who holds each window (the coverage states have tests of their own).
        db.Presences.AddRange(new[] { zhang, li, wang, liu, chen, zhao, sun }.Select(s => new StaffPresence { StaffMemberId = s.Id, State = PresenceState.OnPost }));
        await db.SaveChangesAsync();

        return new WallTestHall(
            windows.ToDictionary(w => w.Number, w => w.Id),
            windows.ToDictionary(w => w.Number, w => w.Posts.Single().Id),
            new[] { zhang, li, wang, liu, chen, zhao, sun }.ToDictionary(s => s.Name, s => s.Id),
            ground.Id,
            upper.Id,
            police.Id);
    }
}
