-- Reserved for the staff_console feature (filled in by its issue).
SELECT 1;
