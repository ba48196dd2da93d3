import {
  type CreateVisaTypeData,
  type UpdateVisaTypeData,
  type VisaType,
  type VisaTypeListQuery,
  visaTypeSchema,
} from "@referral-app/shared/schemas/case";
import { z } from "zod";
import { BaseService, pathId } from "./base-service.ts";

/** The visa-type catalogue: everyone reads it, admins edit it. */
export class VisaTypeService extends BaseService {
  /** Active types; staff may ask for retired ones too. */
  list(query: VisaTypeListQuery = {}, signal?: AbortSignal): Promise<VisaType[]> {
    return this.get("visa-types", z.array(visaTypeSchema), {
      searchParams: { includeRetired: query.includeRetired },
      signal,
    });
  }

  create(data: CreateVisaTypeData): Promise<VisaType> {
    return this.post("admin/visa-types", visaTypeSchema, data);
  }

  update(id: string, data: UpdateVisaTypeData): Promise<VisaType> {
    return this.patch(`admin/visa-types/${pathId(id)}`, visaTypeSchema, data);
  }
}
