-- An admin may run a failed background job again from /admin/jobs; the staff log records it like every admin action.
-- AlterEnum
ALTER TYPE "StaffAction" ADD VALUE 'JOB_RETRIED';

