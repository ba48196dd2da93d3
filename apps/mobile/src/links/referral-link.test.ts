import { referralCodeFromUrl, referralShareUrl } from "./referral-link";

describe("referralCodeFromUrl", () => {
  it.each([
    ["referralapp://r/ABC123", "ABC123"],
    ["referralapp:///r/abc123", "ABC123"],
    ["https://app.referral.example/r/ABC123", "ABC123"],
    ["https://app.referral.example/r/ABC123/?utm=x", "ABC123"],
    ["exp://192.168.1.20:8081/--/r/ABC123", "ABC123"],
    ["/r/abc123", "ABC123"],
  ])("reads %s", (url, code) => {
    expect(referralCodeFromUrl(url)).toBe(code);
  });

  it("rejects links that are not referral links or carry an invalid code", () => {
    expect(referralCodeFromUrl("referralapp://notifications")).toBeNull();
    expect(referralCodeFromUrl("https://app.referral.example/r/no!")).toBeNull();
  });

  it("builds the https link that is shared", () => {
    expect(referralShareUrl("ABC123", "app.referral.example")).toBe("https://app.referral.example/r/ABC123");
  });
});
