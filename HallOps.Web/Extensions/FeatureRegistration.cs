using HallOps.Web.Rounds;
using HallOps.Web.Accountability;
using HallOps.Web.Alerts;
using HallOps.Web.Cases;
using HallOps.Web.AuditSearch;
using HallOps.Web.Posts;
using HallOps.Web.Presence;
using HallOps.Web.Reports;
using HallOps.Web.Identity;
using HallOps.Web.Leave;
using HallOps.Web.Matters;
using HallOps.Web.Wall;
using HallOps.Web.PublicInfo;
using HallOps.Web.Windows;

namespace HallOps.Web.Extensions;

public static class FeatureRegistration
{
    /// <summary>The feature services pages call, one per feature.</summary>
    public static WebApplicationBuilder AddHallFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<HallAuthorizer>();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<PresenceService>();
        builder.Services.AddScoped<LeaveService>();
        builder.Services.AddScoped<AlertService>();
        builder.Services.AddSingleton<HallOps.Web.Alerts.AlertWindows>();
        builder.Services.AddScoped<PostAdminService>();
        builder.Services.AddSingleton<WallService>();
        builder.Services.AddSingleton<WallReadModel>();
        builder.Services.AddScoped<PublicHallService>();
        builder.Services.AddScoped<WindowAdminService>();
        builder.Services.AddScoped<AuditSearchService>();
        builder.Services.AddScoped<CoverageReportService>();
        builder.Services.AddScoped<NoticeWriter>();
        builder.Services.AddScoped<CaseIntakeService>();
        builder.Services.AddScoped<MatterCatalogService>();
        builder.Services.AddScoped<MatterImportService>();
        builder.Services.AddScoped<CaseTexts>();
        builder.Services.AddScoped<ExternalCaseService>();
        builder.Services.AddScoped<CaseImportService>();
        builder.Services.AddScoped<CaseListService>();
        builder.Services.AddScoped<DerelictionService>();
        builder.Services.AddScoped<HallOps.Web.Appointments.AppointmentBookingService>();
        builder.Services.AddSingleton<HallOps.Web.Appointments.HumanCheck>();
        builder.Services.AddScoped<HallOps.Web.Appointments.AppointmentDeskService>();
        builder.Services.AddScoped<HallOps.Web.Appointments.CompTimeService>();
        builder.Services.AddScoped<HallOps.Web.Appointments.AppointmentReportService>();
        builder.Services.AddScoped<MyRecordsService>();
        builder.Services.AddScoped<DerelictionTexts>();
        builder.Services.AddSingleton<PhotoStore>();
        builder.Services.AddScoped<RoundService>();
        builder.Services.AddScoped<MyChecksService>();
        builder.Services.AddScoped<RoundExceptionService>();
        builder.Services.AddScoped<HallOps.Web.Hygiene.InspectionService>();
        builder.Services.AddScoped<HallOps.Web.Hygiene.RectificationService>();
        builder.Services.AddScoped<HallOps.Web.Hygiene.HygieneScoreService>();
        builder.Services.AddScoped<HallOps.Web.FireSafety.FireEquipmentService>();
        builder.Services.AddScoped<HallOps.Web.Network.EquipmentService>();
        builder.Services.AddScoped<RoundScheduleAdminService>();
        builder.Services.AddScoped<HallOps.Web.Guard.GuardShiftService>();
        builder.Services.AddScoped<HallOps.Web.Guard.GuardRoundService>();
        builder.Services.AddScoped<HallOps.Web.Guard.PatrolService>();
        builder.Services.AddScoped<HallOps.Web.Guard.CheckpointService>();
        builder.Services.AddScoped<HallOps.Web.Guard.HazardService>();
        builder.Services.AddScoped<HallOps.Web.Guard.GoodsOutService>();
        builder.Services.AddScoped<HallOps.Web.Network.MachineRoomService>();
        builder.Services.AddScoped<HallOps.Web.Inquiries.InquiryService>();
        builder.Services.AddScoped<HallOps.Web.Inquiries.DepartmentService>();
        builder.Services.AddSingleton<HallOps.Web.Inquiries.InquiryTokens>();
        builder.Services.AddScoped<HallOps.Web.Complaints.ComplaintService>();
        builder.Services.AddScoped<HallOps.Web.Network.ItReportService>();
        builder.Services.AddScoped<HallOps.Web.Network.NetworkDeskService>();
        builder.Services.AddScoped<HallOps.Web.Complaints.RatingService>();
        builder.Services.AddScoped<HallOps.Web.Assessment.AssessmentService>();
        builder.Services.AddSingleton<HallOps.Web.Assessment.WeekSummarySource>();
        return builder;
    }
}
