using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Network;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Seeding;

/// <summary>
/// The demo network desk's queue (IT2, IT3), into a hall that has equipment and no incident yet: one
/// open incident on window 3's PC (a virus the antivirus could not clean, its alert raised for the
/// network administrator), one fixed the working day before, and a few external-media scans this
/// morning — one of which found a virus and cleaned it on the spot. Texts are data, as staff write them.
/// </summary>
public static class DemoItIncidents
{
    public static async Task SeedAsync(HallDbContext db, DateTimeOffset now, HallOptions options, CancellationToken cancellationToken)
    {
        if (await db.VirusIncidents.AnyAsync(cancellationToken) || await db.MediaScans.AnyAsync(cancellationToken)
            || !await db.Equipment.AnyAsync(cancellationToken))
        {
            return;
        }
        var calendar = new WorkingCalendar(options.Zone(), OfficialHolidays.Load(), OpeningHours.From(options.OpeningHours));
        var pcs = await db.Equipment.Where(e => e.Kind == EquipmentKind.Pc && e.WindowId != null)
            .Select(e => new { e.Id, e.AssetNumber, e.WindowId, e.HolderStaffId })
            .ToListAsync(cancellationToken);
        var names = await db.StaffMembers.ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var pc3 = pcs.FirstOrDefault(p => p.AssetNumber == "PC-W03") ?? pcs.First();
        var pc1 = pcs.FirstOrDefault(p => p.AssetNumber == "PC-W01") ?? pcs.First();
        var pc5 = pcs.FirstOrDefault(p => p.AssetNumber == "PC-W05") ?? pcs.First();
        string Name(int? staffId) => staffId is { } id && names.TryGetValue(id, out var name) ? name : "窗口工作人员";

        var numbers = new Dictionary<DateOnly, long>();
        string Number(DateTimeOffset at)
        {
            var date = calendar.LocalDate(at);
            numbers[date] = numbers.GetValueOrDefault(date) + 1;
            return ItRules.Number(date, numbers[date]);
        }

        var today = calendar.LocalDate(now);
        var previousDay = calendar.ToInstant(PreviousWorkingDay(calendar, today), new TimeOnly(15, 20));
        var fixedIncident = new VirusIncident
        {
            Number = Number(previousDay),
            EquipmentId = pc1.Id, AssetNumber = pc1.AssetNumber, WindowId = pc1.WindowId,
            ReporterStaffId = pc1.HolderStaffId, ReportedBy = Name(pc1.HolderStaffId), ReportedAt = previousDay,
            Description = "杀毒软件提示系统文件被感染，清除失败，电脑运行明显变慢。已拔掉网线。",
            VirusName = "Trojan.Win32.Agent",
            Status = VirusIncidentStatus.Fixed,
            FixedAt = previousDay.AddHours(1.5), FixedBy = "网络管理员 周涛",
            FixNote = "断网后用离线查杀工具全盘查杀，更新补丁，复查无毒后恢复联网。",
        };
        var reported = now.AddMinutes(-50);
        var openIncident = new VirusIncident
        {
            Number = "",
            EquipmentId = pc3.Id, AssetNumber = pc3.AssetNumber, WindowId = pc3.WindowId,
            ReporterStaffId = pc3.HolderStaffId, ReportedBy = Name(pc3.HolderStaffId), ReportedAt = reported,
            Description = "打开办事群众提供的文档后杀毒软件报警，隔离失败，桌面出现陌生快捷方式。已停止使用并断网。",
            VirusName = "Worm.Win32.AutoRun",
            Status = VirusIncidentStatus.Open,
        };
        var scanTimes = new[] { now.AddMinutes(-95), now.AddMinutes(-70), now.AddMinutes(-30) };
        var cleanedScan = new MediaScan
        {
            Medium = MediaKind.UsbDisk, Owner = "刘伟", OwnerUnit = "城关镇企业服务站", Purpose = "拷贝营业执照申请材料扫描件",
            Antivirus = "火绒安全", SignatureDate = today.AddDays(-1), Result = MediaScanResult.VirusCleaned, VirusName = "Worm.Win32.AutoRun.lnk",
            EquipmentId = pc5.Id, WindowId = pc5.WindowId, StaffId = pc5.HolderStaffId, ScannedBy = Name(pc5.HolderStaffId), ScannedAt = scanTimes[1],
        };
        db.MediaScans.AddRange(
            new MediaScan
            {
                Medium = MediaKind.UsbDisk, Owner = "王秀英", OwnerUnit = "县不动产登记中心", Purpose = "拷贝不动产登记资料",
                Antivirus = "火绒安全", SignatureDate = today.AddDays(-1), Result = MediaScanResult.Clean,
                EquipmentId = pc1.Id, WindowId = pc1.WindowId, StaffId = pc1.HolderStaffId, ScannedBy = Name(pc1.HolderStaffId), ScannedAt = scanTimes[0],
            },
            cleanedScan,
            new MediaScan
            {
                Medium = MediaKind.Disc, Owner = "陈建国", OwnerUnit = "某建筑设计院", Purpose = "施工图审查光盘",
                Antivirus = "360杀毒", SignatureDate = today, Result = MediaScanResult.Clean,
                EquipmentId = pc3.Id, WindowId = pc3.WindowId, StaffId = pc3.HolderStaffId, ScannedBy = Name(pc3.HolderStaffId), ScannedAt = scanTimes[2],
            });
        db.VirusIncidents.Add(fixedIncident);
        await db.SaveChangesAsync(cancellationToken);

        var cleanedIncident = new VirusIncident
        {
            Number = Number(cleanedScan.ScannedAt),
            EquipmentId = pc5.Id, AssetNumber = pc5.AssetNumber, WindowId = pc5.WindowId,
            ReporterStaffId = pc5.HolderStaffId, ReportedBy = cleanedScan.ScannedBy, ReportedAt = cleanedScan.ScannedAt,
            Description = "外来介质查毒发现病毒：U盘，所有人 刘伟 城关镇企业服务站，已当场清除。",
            VirusName = cleanedScan.VirusName, Status = VirusIncidentStatus.CleanedOnSpot, MediaScanId = cleanedScan.Id,
        };
        openIncident.Number = Number(reported);
        db.VirusIncidents.AddRange(cleanedIncident, openIncident);
        await db.SaveChangesAsync(cancellationToken);
        cleanedScan.IncidentId = cleanedIncident.Id;
        db.Alerts.Add(ItIncidentMonitor.AlertFor(openIncident.Id, reported, escalated: false));
        foreach (var (date, value) in numbers)
        {
            var name = ItRules.SequenceName(date);
            var sequence = await db.NumberSequences.SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
            if (sequence is null)
            {
                db.NumberSequences.Add(new NumberSequence { Name = name, Value = value });
            }
            else
            {
                sequence.Value = Math.Max(sequence.Value, value);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateOnly PreviousWorkingDay(WorkingCalendar calendar, DateOnly date)
    {
        do
        {
            date = date.AddDays(-1);
        }
        while (!calendar.IsWorkingDay(date));
        return date;
    }
}
