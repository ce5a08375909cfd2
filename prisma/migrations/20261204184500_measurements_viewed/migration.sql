-- An app reading the patient's measurements was recorded as "profile viewed"; it gets its own action.
-- AFTER keeps the enum's order equal to schema.prisma's (the drift test compares them).
ALTER TYPE "HistoryAction" ADD VALUE 'MEASUREMENTS_VIEWED' AFTER 'MEASUREMENT_ADDED';
