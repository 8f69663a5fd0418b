using HallOps.Domain.Cases;

namespace HallOps.Tests.Domain.Cases;

/// <summary>One-time notification (OT1, OT2; AC2 type 1) and the masking of applicants.</summary>
public class NoticeRulesTests
{
    private static readonly string[] Materials = ["身份证", "户口簿", "申请表", "结婚证"];

    [Fact]
    public void OT2_ASecondNoticeNamingANewItem_IsABreach()
    {
        var first = new[] { "身份证", "申请表" };

        Assert.Equal(["户口簿"], NoticeRules.NewItems([first], ["申请表", "户口簿"]));
    }

    [Theory]
    [InlineData("申请表")]
    [InlineData("身份证", "申请表")]
    [InlineData(" 申请表 ")]
    public void OT2_ASecondNoticeNamingOnlyItemsAlreadyNamed_IsNoBreach(params string[] second)
    {
        Assert.Empty(NoticeRules.NewItems([["身份证", "申请表"]], second));
    }

    [Fact]
    public void OT2_EveryEarlierNoticeCounts()
    {
        Assert.Empty(NoticeRules.NewItems([["身份证"], ["户口簿"]], ["户口簿", "身份证"]));
    }

    [Theory]
    [InlineData(NoticeProblem.NoItems)]
    [InlineData(NoticeProblem.DuplicateItem, "身份证", "身份证")]
    [InlineData(NoticeProblem.UnknownItem, "身份证", "营业执照")]
    [InlineData(null, "身份证", "结婚证")]
    public void OT1_ASupplementNoticeNamesAtLeastOneOfTheMattersMaterials_EachOnce(NoticeProblem? expected, params string[] items)
    {
        Assert.Equal(expected, NoticeRules.CheckSupplement(items, Materials));
    }

    [Theory]
    [InlineData("张三明", "张*明")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("李", "*")]
    [InlineData("", "")]
    public void APersonsNameIsMasked(string name, string masked) => Assert.Equal(masked, Masking.Name(name));

    [Fact]
    public void AnOrganisationsNameIsNotMasked() =>
        Assert.Equal("某某县建筑有限公司", Masking.Name("某某县建筑有限公司", ApplicantKind.Organisation));

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("0571-8888123", "057*****8123")]
    [InlineData("12345", "*****")]
    public void APhoneIsMasked(string phone, string masked) => Assert.Equal(masked, Masking.Phone(phone));

    [Fact]
    public void AnIdNumberIsMasked() => Assert.Equal("110105********1234", Masking.IdNumber("110105199001011234"));
}
