import { appExtra } from "./api-config";

/** The host of shared https referral links (app config `extra.webHost`). */
export function webHost(): string {
  return appExtra()?.webHost ?? "app.referral.example";
}
