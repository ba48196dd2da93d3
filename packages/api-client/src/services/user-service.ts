import {
  type UpdateProfileData,
  type UserProfile,
  userProfileSchema,
} from "@referral-app/shared/schemas/user";
import { type VisaProgress, visaProgressSchema } from "@referral-app/shared/schemas/visa";
import { BaseService, pathId } from "./base-service.ts";

export class UserService extends BaseService {
  getProfile(userId = "me", signal?: AbortSignal): Promise<UserProfile> {
    return this.get(`users/${pathId(userId)}/profile`, userProfileSchema, { signal });
  }

  updateProfile(userId: string, updates: UpdateProfileData): Promise<UserProfile> {
    return this.patch(`users/${pathId(userId)}/profile`, userProfileSchema, updates);
  }

  /** A PNG, JPEG or WebP picture of at most 2 MB (PROFILE_PICTURE_LIMITS); replaces the previous one. */
  uploadProfilePicture(userId: string, picture: Blob): Promise<UserProfile> {
    return this.putBlob(`users/${pathId(userId)}/profile-picture`, userProfileSchema, picture);
  }

  removeProfilePicture(userId: string): Promise<UserProfile> {
    return this.delete(`users/${pathId(userId)}/profile-picture`, userProfileSchema);
  }

  getVisaProgress(userId = "me", signal?: AbortSignal): Promise<VisaProgress> {
    return this.get(`users/${pathId(userId)}/visa-progress`, visaProgressSchema, { signal });
  }
}
