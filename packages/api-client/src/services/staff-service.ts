import {
  type ConsultancySettings,
  consultancySettingsSchema,
  type InviteStaffData,
  type StaffMember,
  staffMemberSchema,
  type UpdateConsultancySettingsData,
  type UpdateStaffData,
} from "@referral-app/shared/schemas/case";
import { z } from "zod";
import { BaseService, pathId } from "./base-service.ts";

/** Staff members and the consultancy's settings (admins change them; staff read the list). */
export class StaffService extends BaseService {
  list(signal?: AbortSignal): Promise<StaffMember[]> {
    return this.get("admin/staff", z.array(staffMemberSchema), { signal });
  }

  invite(data: InviteStaffData): Promise<StaffMember> {
    return this.post("admin/staff/invite", staffMemberSchema, data);
  }

  update(id: string, data: UpdateStaffData): Promise<StaffMember> {
    return this.patch(`admin/staff/${pathId(id)}`, staffMemberSchema, data);
  }

  getSettings(signal?: AbortSignal): Promise<ConsultancySettings> {
    return this.get("admin/settings", consultancySettingsSchema, { signal });
  }

  updateSettings(data: UpdateConsultancySettingsData): Promise<ConsultancySettings> {
    return this.patch("admin/settings", consultancySettingsSchema, data);
  }
}
