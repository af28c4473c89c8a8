-- The tally counts a month's meetings from this index alone: it holds every column the count reads,
-- so the notes' rows (and their text) are never loaded. Without it, H2 prefers the index on
-- amends (nearly every note has none) and walks all notes of the register (docs/benchmarks.md).
DROP INDEX journal_note_meeting_idx;
CREATE INDEX journal_note_meeting_idx ON journal_note (meeting_at, amends, participant_id, meeting_type);
