import "server-only";
import type { SecondFactorInput } from "@/lib/auth/second-factor-input";
import type { Db } from "@/lib/server/db";
import { checkLoginCode } from "../codes/check-login-code";
import { confirmCodeFactor } from "../codes/confirm-code-factor";
import { verifyPasskeyRegistration } from "../passkeys/verify-passkey-registration";
import { verifyPasskeySignIn } from "../passkeys/verify-passkey-sign-in";
import { consumeRecoveryCode } from "../recovery-codes";
import { confirmTotpEnrolment } from "../totp/confirm-totp-enrolment";
import { verifyTotp } from "../totp/verify-totp";

/** One proof of the second factor, by method; true when it holds. Counting and lockout are the caller's. */
export async function checkSecondFactor(db: Db, { userId, input }: { userId: string; input: SecondFactorInput }): Promise<boolean> {
  switch (input.method) {
    case "totp":
      return verifyTotp(db, { userId, code: input.code });
    case "recovery":
      return consumeRecoveryCode(db, { userId, code: input.code });
    case "otp":
      return checkLoginCode(db, { userId, code: input.code });
    case "passkey":
      return verifyPasskeySignIn(db, { userId, response: input.response });
    case "totp-enrolment":
      return confirmTotpEnrolment(db, { userId, factorId: input.factorId, code: input.code });
    case "otp-enrolment":
      return confirmCodeFactor(db, { userId, factorId: input.factorId, code: input.code });
    case "passkey-registration":
      return verifyPasskeyRegistration(db, { userId, response: input.response, label: input.label });
  }
}
