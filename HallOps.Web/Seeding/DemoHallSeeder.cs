using HallOps.Domain.Cases;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Seeding;

/// <summary>
/// The demo hall: a county hall on two floors with 24 windows, their home units, 40 staff and the
/// AB posts (one window deliberately without a B), one demo account per role, and the matter
/// catalogue (<see cref="DemoMatters"/>). Runs only when Hall:DemoSeed is on: the hall only into a
/// database with no windows, the catalogue only into one with no matters (and the demo hall's units);
/// it never touches existing data.
/// </summary>
public sealed class DemoHallSeeder(HallDbContext db, UserManager<HallUser> users, TimeProvider time, Microsoft.Extensions.Options.IOptions<HallOptions> options, ILogger<DemoHallSeeder> logger)
{
    /// <summary>The password of every demo account (the demo hall is for trying HallOps, never for production).</summary>
    public const string DemoPassword = "HallOps-demo-2026";

    public static readonly IReadOnlyList<(string UserName, string Role, string DisplayName)> Accounts =
    [
        ("admin", HallRoles.Admin, "系统管理员"),
        ("manager", HallRoles.Manager, "周建国"),
        ("staff", HallRoles.Staff, "张晓明"),
        ("guard", HallRoles.Guard, "马国强"),
        ("office", HallRoles.Office, "何丽娟"),
        ("netadmin", HallRoles.NetworkAdmin, "高志远"),
        ("wall", HallRoles.Display, "大厅大屏"),
    ];

    private static readonly string[] Units =
    [
        "县自然资源局（不动产登记中心）", "县住房和城乡建设局", "县人力资源和社会保障局", "县医疗保障局",
        "县住房公积金管理中心", "国家税务总局某县税务局", "县民政局", "县公安局", "县公安局出入境管理大队",
        "县市场监督管理局", "县交通运输局", "县卫生健康委员会", "县教育局", "县残疾人联合会",
        "县供电公司", "县数据资源局", "县退役军人事务局",
    ];

    // Number, floor level, name, home unit index.
    private static readonly (int Number, int Floor, string Name, int Unit)[] WindowPlan =
    [
        (1, 1, "不动产登记", 0), (2, 1, "不动产登记", 0), (3, 1, "不动产交易", 1), (4, 1, "社保", 2),
        (5, 1, "社保", 2), (6, 1, "医保", 3), (7, 1, "公积金", 4), (8, 1, "税务", 5),
        (9, 1, "税务", 5), (10, 1, "婚姻登记", 6), (11, 1, "户籍", 7), (12, 1, "出入境", 8),
        (13, 2, "企业开办", 9), (14, 2, "企业开办", 9), (15, 2, "食品经营许可", 9), (16, 2, "工程建设审批", 1),
        (17, 2, "交通运输", 10), (18, 2, "卫生健康", 11), (19, 2, "教育", 12), (20, 2, "社会救助", 6),
        (21, 2, "残疾人服务", 13), (22, 2, "水电气报装", 14), (23, 2, "综合受理", 15), (24, 2, "退役军人服务", 16),
    ];

    // The A holder of each window, in window order, then the extra B holders.
    private static readonly string[] AHolders =
    [
        "张晓明", "李静", "王建华", "刘洋", "陈敏", "杨帆", "赵丽", "黄志强",
        "周婷", "吴磊", "徐海燕", "孙涛", "胡晓燕", "朱伟", "高红梅", "林峰",
        "何勇", "郭佳", "马莉", "罗斌", "梁芳", "宋杰", "郑雪", "谢东",
    ];

    private static readonly string[] ExtraBHolders =
    [
        "韩冰", "唐亮", "冯玉兰", "于洪波", "董倩", "萧文", "程雅琴", "曹阳",
        "袁野", "邓丽君", "许嘉", "傅明", "沈慧", "曾强", "彭晓东",
    ];

    // Windows that back each other up: each one's A is the other's B.
    private static readonly (int, int)[] PairedWindows = [(1, 2), (4, 5), (8, 9), (13, 14)];

    /// <summary>The one-person window whose home unit has not yet sent a B (AB1 configuration gap).</summary>
    public const int WindowWithoutBackup = 21;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await db.Windows.AnyAsync(cancellationToken) && !await db.Users.AnyAsync(cancellationToken))
        {
            await SeedHallAsync(cancellationToken);
        }
        await SeedMattersAsync(cancellationToken);
        await DemoSecurity.SeedAsync(db, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.Zone()).DateTime), cancellationToken);
        await DemoDerelictions.SeedAsync(db, time.GetUtcNow(), cancellationToken);
        await DemoInquiries.SeedAsync(db, time.GetUtcNow(), cancellationToken);
        await DemoComplaints.SeedAsync(db, time.GetUtcNow(), options.Value, cancellationToken);
        await DemoNetwork.SeedAsync(db, time.GetUtcNow(), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.Zone()).DateTime), cancellationToken);
        await DemoPublicInfo.SeedAsync(db, cancellationToken);
        await DemoCompTime.SeedAsync(db, time.GetUtcNow(), cancellationToken);
        await DemoAppointments.SeedAsync(db, time.GetUtcNow(), options.Value, cancellationToken);
        await DemoItIncidents.SeedAsync(db, time.GetUtcNow(), options.Value, cancellationToken);
    }

    /// <summary>The demo catalogue, version 1 of each matter, into a catalogue that is still empty (TL1, OT5).</summary>
    private async Task SeedMattersAsync(CancellationToken cancellationToken)
    {
        if (await db.Matters.AnyAsync(cancellationToken))
        {
            return;
        }
        var units = await db.HomeUnits.ToDictionaryAsync(u => u.Name, u => u.Id, cancellationToken);
        var windows = await db.Windows.ToDictionaryAsync(w => w.Number, w => w.Id, cancellationToken);
        var now = time.GetUtcNow();
        var matters = new List<(Matter Matter, MatterVersion Version)>();
        foreach (var item in DemoMatters.All.Where(m => units.ContainsKey(m.Unit)))
        {
            var version = new MatterVersion
            {
                Number = 1,
                StatutoryDays = item.Statutory,
                CommittedDays = item.Committed,
                SupplementPausesClock = item.Pauses,
                LegalBasis = item.LegalBasis,
                Guide = item.Guide,
                ChangedAt = now,
                ChangedBy = "周建国",
                ChangeReason = "事项目录首次录入",
                Materials = item.Materials.Select((m, i) => new MatterMaterial
                {
                    Order = i + 1, Name = m.Name, Requirement = m.Requirement, Deferrable = m.Deferrable,
                }).ToList(),
            };
            var matter = new Matter
            {
                Code = item.Code,
                Name = item.Name,
                Kind = item.Kind,
                HomeUnitId = units[item.Unit],
                WindowId = windows.TryGetValue(item.Window, out var windowId) ? windowId : null,
                Versions = [version],
            };
            matters.Add((matter, version));
        }
        if (matters.Count == 0)
        {
            return; // not the demo hall
        }
        // The matter and its current version point at each other: two statements, one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Matters.AddRange(matters.Select(m => m.Matter));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (matter, version) in matters)
        {
            matter.CurrentVersionId = version.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo matter catalogue seeded: {Matters} matters", matters.Count);
    }

    private async Task SeedHallAsync(CancellationToken cancellationToken)
    {

        var floors = new[] { new Floor { Level = 1, Name = "一楼" }, new Floor { Level = 2, Name = "二楼" } };
        var units = Units.Select((name, i) => new HomeUnit { Name = name, Phone = $"0563-55{i + 10:00}{i + 20:00}" }).ToList();
        var windows = WindowPlan.Select(w => new ServiceWindow
        {
            Number = w.Number,
            Name = w.Name,
            Floor = floors[w.Floor - 1],
            HomeUnit = units[w.Unit],
        }).ToList();

        var staffNo = 0;
        StaffMember Staff(string name, HomeUnit? unit) => new()
        {
            Name = name,
            EmployeeNo = $"ZW{++staffNo:000}",
            HomeUnit = unit,
            Phone = $"1385563{staffNo:0000}",
        };

        var aHolders = windows.Select((w, i) => Staff(AHolders[i], w.HomeUnit)).ToList();
        var extraB = new Queue<string>(ExtraBHolders);
        var allStaff = new List<StaffMember>(aHolders);

        foreach (var (window, i) in windows.Select((w, i) => (w, i)))
        {
            var post = new Post { Name = $"{window.Name}受理", Duties = $"{window.Name}业务的咨询、受理与办结", Window = window };
            post.Holders.Add(new PostHolder { StaffMember = aHolders[i], Role = PostRole.A });
            var partner = PairedWindows.Where(p => p.Item1 == window.Number || p.Item2 == window.Number)
                .Select(p => p.Item1 == window.Number ? p.Item2 : p.Item1)
                .Cast<int?>().FirstOrDefault();
            if (partner is { } other)
            {
                post.Holders.Add(new PostHolder { StaffMember = aHolders[other - 1], Role = PostRole.B });
            }
            else if (window.Number != WindowWithoutBackup && extraB.TryDequeue(out var bName))
            {
                var b = Staff(bName, window.HomeUnit);
                allStaff.Add(b);
                post.Holders.Add(new PostHolder { StaffMember = b, Role = PostRole.B });
            }
            window.Posts.Add(post);
        }

        // The service section, guards, office and network administrator.
        var bureau = units[15];
        allStaff.Add(Staff("周建国", bureau));
        allStaff.Add(Staff("马国强", null));
        allStaff.Add(Staff("何丽娟", bureau));
        allStaff.Add(Staff("高志远", bureau));

        db.Floors.AddRange(floors);
        db.HomeUnits.AddRange(units);
        db.Windows.AddRange(windows);
        db.StaffMembers.AddRange(allStaff);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (userName, role, displayName) in Accounts)
        {
            var staff = allStaff.FirstOrDefault(s => s.Name == displayName);
            await CreateAccountAsync(userName, role, staff, displayName);
        }
        var clerkAccounts = 0;
        if (options.Value.DemoSeedStaffAccounts)
        {
            foreach (var clerk in aHolders.Where(a => a.UserId is null))
            {
                await CreateAccountAsync(clerk.EmployeeNo.ToLowerInvariant(), HallRoles.Staff, clerk);
                clerkAccounts++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo hall seeded: {Windows} windows, {Staff} staff, {Accounts} accounts",
            windows.Count, allStaff.Count, Accounts.Count + clerkAccounts);
    }

    /// <summary>One demo account with the demo password, linked to its staff member when there is one.</summary>
    private async Task CreateAccountAsync(string userName, string role, StaffMember? staff, string? displayName = null)
    {
        var user = new HallUser { UserName = userName, DisplayName = displayName ?? staff!.Name, StaffMemberId = staff?.Id };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {userName}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, role);
        if (staff is not null)
        {
            staff.UserId = user.Id;
        }
    }

    /// <summary>Prints where the demo hall is served and how to sign in.</summary>
    public static void PrintWelcome(WebApplication app)
    {
        if (app.Urls.Count == 0)
        {
            return; // hosted in-process (tests): nobody to tell
        }
        var urls = string.Join(" ", app.Urls);
        var lines = new List<string>
        {
            "",
            "  HallOps demo hall is running at: " + urls,
            "  Wall screen: " + (app.Urls.FirstOrDefault() ?? "") + "/wall",
            "  Demo accounts (password " + DemoPassword + "):",
        };
        lines.AddRange(Accounts.Select(a => $"    {a.UserName,-9} {a.Role}"));
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
