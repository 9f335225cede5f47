-- Reserved for the broadcasts feature (filled in by its issue).
SELECT 1;
