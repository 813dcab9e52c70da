-- runlog journal: planned runs.
--
-- A planned run is kept apart from the runs that were done, in its own
-- table, so that nothing which sums training (the rules, the reports,
-- the totals) ever counts a plan as a run. A plan holds the day it is
-- for, its distance, and, when known, its duration and the effort
-- expected (RPE); its type and note are those of a run. Whether a plan
-- was carried out is not stored: a plan whose day holds a done run is
-- done, worked out from the journal each time, so it cannot go stale
-- when that run is edited or deleted.
--
-- The checks are those of the run table (version 2), field for field;
-- how far ahead a plan may be made is the program's rule, not the
-- journal's, so that a plan of a day now past stays valid. The undo
-- triggers keep data in the form version 3 describes.

CREATE TABLE plan (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL CONSTRAINT day CHECK (typeof(day) = 'text' AND date(day,
	    '+0 days') IS day AND day BETWEEN '1900-01-01' AND '2099-12-31'),
	distance_m INTEGER NOT NULL CONSTRAINT distance_m CHECK (typeof(distance_m) =
	    'integer' AND distance_m > 0 AND distance_m <= 500000),
	duration_s INTEGER CONSTRAINT duration_s CHECK (duration_s IS NULL OR
	    (typeof(duration_s) = 'integer' AND duration_s > 0 AND duration_s <=
	    172800)),
	rpe INTEGER CONSTRAINT rpe CHECK (rpe IS NULL OR (typeof(rpe) = 'integer' AND
	    rpe BETWEEN 1 AND 10)),
	type TEXT NOT NULL DEFAULT 'easy' CONSTRAINT type CHECK (type = 'easy' OR
	    type = 'long' OR type = 'tempo' OR type = 'interval' OR type = 'race' OR
	    type = 'recovery' OR type = 'other'),
	note TEXT CONSTRAINT note CHECK (note IS NULL OR (typeof(note) = 'text' AND
	    length(CAST(note AS BLOB)) <= 4000 AND note NOT GLOB '*[' || char(1) ||
	    '-' || char(31) || char(127) || char(128) || '-' || char(159) || ']*')),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
	    CONSTRAINT created_at CHECK (typeof(created_at) = 'text' AND created_at
	    GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]'),
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
	    CONSTRAINT updated_at CHECK (typeof(updated_at) = 'text' AND updated_at
	    GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]')
);
CREATE INDEX plan_day ON plan (day);

CREATE TRIGGER plan_undo_ins AFTER INSERT ON plan WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, new)
	VALUES ((SELECT grp FROM undo_state), 'plan', 'insert', new.id,
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","distance_m":"' || substr(typeof(new.distance_m), 1, 1) || hex(new.distance_m)
	    || '","duration_s":"' || substr(typeof(new.duration_s), 1, 1) || hex(new.duration_s)
	    || '","rpe":"' || substr(typeof(new.rpe), 1, 1) || hex(new.rpe)
	    || '","type":"' || substr(typeof(new.type), 1, 1) || hex(new.type)
	    || '","note":"' || substr(typeof(new.note), 1, 1) || hex(new.note)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '","updated_at":"' || substr(typeof(new.updated_at), 1, 1) || hex(new.updated_at)
	    || '"}');
END;
CREATE TRIGGER plan_undo_upd AFTER UPDATE ON plan WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'plan', 'update', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","distance_m":"' || substr(typeof(old.distance_m), 1, 1) || hex(old.distance_m)
	    || '","duration_s":"' || substr(typeof(old.duration_s), 1, 1) || hex(old.duration_s)
	    || '","rpe":"' || substr(typeof(old.rpe), 1, 1) || hex(old.rpe)
	    || '","type":"' || substr(typeof(old.type), 1, 1) || hex(old.type)
	    || '","note":"' || substr(typeof(old.note), 1, 1) || hex(old.note)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '","updated_at":"' || substr(typeof(old.updated_at), 1, 1) || hex(old.updated_at)
	    || '"}',
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","distance_m":"' || substr(typeof(new.distance_m), 1, 1) || hex(new.distance_m)
	    || '","duration_s":"' || substr(typeof(new.duration_s), 1, 1) || hex(new.duration_s)
	    || '","rpe":"' || substr(typeof(new.rpe), 1, 1) || hex(new.rpe)
	    || '","type":"' || substr(typeof(new.type), 1, 1) || hex(new.type)
	    || '","note":"' || substr(typeof(new.note), 1, 1) || hex(new.note)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '","updated_at":"' || substr(typeof(new.updated_at), 1, 1) || hex(new.updated_at)
	    || '"}');
END;
CREATE TRIGGER plan_undo_del BEFORE DELETE ON plan WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'plan', 'delete', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","distance_m":"' || substr(typeof(old.distance_m), 1, 1) || hex(old.distance_m)
	    || '","duration_s":"' || substr(typeof(old.duration_s), 1, 1) || hex(old.duration_s)
	    || '","rpe":"' || substr(typeof(old.rpe), 1, 1) || hex(old.rpe)
	    || '","type":"' || substr(typeof(old.type), 1, 1) || hex(old.type)
	    || '","note":"' || substr(typeof(old.note), 1, 1) || hex(old.note)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '","updated_at":"' || substr(typeof(old.updated_at), 1, 1) || hex(old.updated_at)
	    || '"}');
END;
