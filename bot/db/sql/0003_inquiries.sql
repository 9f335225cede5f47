-- Reserved for the inquiries feature (filled in by its issue).
SELECT 1;
