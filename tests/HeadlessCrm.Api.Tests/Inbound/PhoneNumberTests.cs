using HeadlessCrm.Api.Features.Inbound;

namespace HeadlessCrm.Api.Tests.Inbound;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+1 (555) 010-0199", "US", "+15550100199")]
    [InlineData("555.010.0199", "US", "+15550100199")]
    [InlineData("1-555-010-0199", "US", "+15550100199")]
    [InlineData("011 44 20 7946 0958", "US", "+442079460958")]
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    [InlineData("0044 20 7946 0958", "DE", "+442079460958")]
    [InlineData("030 1234567", "DE", "+49301234567")]
    [InlineData("+49 (0)30 1234567 ext. 12", "DE", "+49301234567")]
    [InlineData("06 12 34 56 78", "FR", "+33612345678")]
    [InlineData("06 1234 5678", "IT", "+390612345678")]
    public void Numbers_are_normalised_to_E164(string written, string region, string expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(written, region));

    [Theory]
    [InlineData("anonymous")]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("+1234567890123456")]
    [InlineData("555+0100")]
    public void Things_that_are_not_numbers_give_null(string written) => Assert.Null(PhoneNumbers.ToE164(written, "US"));
}
