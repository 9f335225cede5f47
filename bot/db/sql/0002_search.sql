-- Reserved for the search feature (filled in by its issue).
SELECT 1;
