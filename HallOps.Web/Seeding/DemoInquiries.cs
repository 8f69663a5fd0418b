using HallOps.Domain.Inquiries;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Seeding;

/// <summary>
/// The demo directory of outside departments (FQ3.4) and a few first inquiries of today logged at
/// window 1 by the demo staff account (FQ1–FQ3.5), into a hall that has none yet. Every seeded inquiry
/// already has its disposition, so none raises an end-of-day alert (FQ3.8) by itself.
/// </summary>
public static class DemoInquiries
{
    public static readonly IReadOnlyList<(string Name, string Address, string Phone, string Note)> Directory =
    [
        ("县公安局出入境管理大队", "城关镇人民路88号县公安局办证大厅二楼", "0556-5121110", "护照、港澳台通行证（大厅12号窗口可受理部分业务）"),
        ("县人民法院诉讼服务中心", "城关镇法院路1号", "0556-5126600", "立案、诉讼咨询、调解"),
        ("县住房公积金管理中心", "城关镇文化路16号", "0556-5133101", "公积金贷款面签、异地转移"),
        ("县公证处", "城关镇建设路32号司法局一楼", "0556-5122148", "公证、继承公证"),
        ("县信访局", "城关镇行政中心东楼一楼", "0556-5120123", "信访事项"),
        ("县劳动人事争议仲裁院", "城关镇长江路9号人社局三楼", "0556-5128912", "劳动争议仲裁"),
        ("县档案馆", "城关镇行政中心西楼四楼", "0556-5125307", "婚姻、知青、招工档案查询"),
        ("国网某县供电公司营业厅", "城关镇电力路5号", "95598", "电费、过户、故障报修"),
    ];

    public static async Task SeedAsync(HallDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Departments.AnyAsync(cancellationToken) || await db.Inquiries.AnyAsync(cancellationToken))
        {
            return;
        }
        db.Departments.AddRange(Directory.Select(d => new Department
        {
            Name = d.Name, Address = d.Address, Phone = d.Phone, Note = d.Note, CreatedAt = now, CreatedBy = "office",
        }));
        await db.SaveChangesAsync(cancellationToken);

        var staff = await db.StaffMembers.Where(s => s.Name == "张晓明").Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        var window1 = await db.Windows.Where(w => w.Number == 1).Select(w => (int?)w.Id).FirstOrDefaultAsync(cancellationToken);
        var window11 = await db.Windows.Where(w => w.Number == 11).Select(w => (int?)w.Id).FirstOrDefaultAsync(cancellationToken);
        var court = await db.Departments.Where(d => d.Name == "县人民法院诉讼服务中心").Select(d => d.Id).SingleAsync(cancellationToken);
        if (staff is null || window1 is null)
        {
            return;
        }
        Inquiry Inquiry(int minutesAgo, InquiryChannel channel, InquiryCategory category, string subject) => new()
        {
            ReceivedAt = now.AddMinutes(-minutesAgo), Channel = channel, Category = category, Subject = subject,
            WindowId = window1, ResponderStaffId = staff, ResponderUserName = "staff", ResponderName = "张晓明",
        };

        var answered = Inquiry(95, InquiryChannel.Visit, InquiryCategory.Consultation, "二手房过户需要哪些材料");
        InquiryRules.ApplyDisposition(answered, new DispositionInput(InquiryDisposition.Handled,
            "已当场答复，告知二手房转移登记的流程和材料。", "买卖双方身份证原件\n不动产权证书原件\n网签买卖合同\n契税完税凭证"), answered.ReceivedAt.AddMinutes(5));
        Close(answered, FeedbackMethod.OnTheSpot);

        var phone = Inquiry(70, InquiryChannel.Phone, InquiryCategory.Consultation, "不动产登记中心周六是否上班");
        InquiryRules.ApplyDisposition(phone, new DispositionInput(InquiryDisposition.Handled, "告知周六不办公，可预约延时服务。"), phone.ReceivedAt.AddMinutes(2));
        Close(phone, FeedbackMethod.Phone);

        var court1 = Inquiry(45, InquiryChannel.Visit, InquiryCategory.Business, "房屋买卖合同纠纷起诉");
        InquiryRules.ApplyDisposition(court1, new DispositionInput(InquiryDisposition.ReferredOutside,
            DepartmentName: "县人民法院诉讼服务中心", DepartmentAddress: "城关镇法院路1号", DepartmentPhone: "0556-5126600"), court1.ReceivedAt.AddMinutes(6));
        court1.DepartmentId = court;
        Close(court1, FeedbackMethod.OnTheSpot);

        var household = Inquiry(20, InquiryChannel.Visit, InquiryCategory.Business, "新生儿落户");
        household.PersonName = "李秀英";
        household.PersonPhone = "13905561234";
        if (window11 is not null)
        {
            // Disposed, not yet fed back: 待反馈.
            InquiryRules.ApplyDisposition(household, new DispositionInput(InquiryDisposition.GuidedToWindow, TargetWindowId: window11), household.ReceivedAt.AddMinutes(3));
        }
        else
        {
            InquiryRules.ApplyDisposition(household, new DispositionInput(InquiryDisposition.GuidanceDesk), household.ReceivedAt.AddMinutes(3));
        }
        db.Inquiries.AddRange(answered, phone, court1, household);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Close(Inquiry inquiry, FeedbackMethod method)
    {
        inquiry.FeedbackMethod = method;
        inquiry.FeedbackAt = inquiry.DisposedAt;
        inquiry.ClosedAt = inquiry.DisposedAt;
        inquiry.ClosedBy = inquiry.ResponderUserName;
    }
}
