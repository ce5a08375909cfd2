-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CodePurpose" ADD VALUE 'FACTOR_ENROLMENT';
ALTER TYPE "CodePurpose" ADD VALUE 'WEBAUTHN_REGISTRATION';
ALTER TYPE "CodePurpose" ADD VALUE 'WEBAUTHN_AUTHENTICATION';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SecurityEventKind" ADD VALUE 'REAUTHENTICATED';
ALTER TYPE "SecurityEventKind" ADD VALUE 'EMAIL_CHANGE_REQUESTED';
ALTER TYPE "SecurityEventKind" ADD VALUE 'SIGN_UP_ATTEMPTED_WITH_EMAIL';

