-- runlog journal, version 1.
-- Every value is stored in SI integers: metres, seconds, millilitres, grams,
-- minutes of sleep. Days are 'YYYY-MM-DD' local calendar dates. Every range
-- here matches include/entry.h; the application checks first and names the
-- field, these constraints are the last line of defence.

CREATE TABLE run (
	id            INTEGER PRIMARY KEY,
	day           TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	distance_m    INTEGER NOT NULL CHECK (distance_m > 0 AND distance_m <= 500000),
	duration_s    INTEGER NOT NULL CHECK (duration_s > 0 AND duration_s <= 172800),
	rpe           INTEGER CHECK (rpe BETWEEN 1 AND 10),
	-- Written with OR rather than IN: SQLite builds a temporary table for
	-- an IN list on every insert, a fifth of the cost of an import.
	type          TEXT    NOT NULL DEFAULT 'easy' CHECK (type = 'easy' OR
	                  type = 'long' OR type = 'tempo' OR type = 'interval' OR
	                  type = 'race' OR type = 'recovery' OR type = 'other'),
	avg_hr        INTEGER CHECK (avg_hr BETWEEN 25 AND 250),
	climb_m       INTEGER CHECK (climb_m BETWEEN 0 AND 20000),
	mass_before_g INTEGER CHECK (mass_before_g BETWEEN 20000 AND 300000),
	mass_after_g  INTEGER CHECK (mass_after_g BETWEEN 20000 AND 300000),
	note          TEXT    CHECK (length(note) <= 4000),
	source        TEXT    NOT NULL DEFAULT 'runlog',
	external_id   TEXT,
	created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	updated_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	UNIQUE (source, external_id)
);
CREATE INDEX run_day ON run (day);

CREATE TABLE sleep (
	id          INTEGER PRIMARY KEY,
	day         TEXT    NOT NULL UNIQUE CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
	quality     INTEGER CHECK (quality BETWEEN 1 AND 5),
	note        TEXT    CHECK (length(note) <= 4000),
	created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);

CREATE TABLE drink (
	id           INTEGER PRIMARY KEY,
	day          TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	volume_ml    INTEGER NOT NULL CHECK (volume_ml > 0 AND volume_ml <= 20000),
	electrolytes INTEGER NOT NULL DEFAULT 0 CHECK (electrolytes IN (0, 1)),
	created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);
CREATE INDEX drink_day ON drink (day);

CREATE TABLE checkin (
	id          INTEGER PRIMARY KEY,
	day         TEXT    NOT NULL UNIQUE CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	fatigue     INTEGER NOT NULL CHECK (fatigue BETWEEN 1 AND 10),
	soreness    INTEGER CHECK (soreness BETWEEN 1 AND 10),
	mood        INTEGER CHECK (mood BETWEEN 1 AND 5),
	stress      INTEGER CHECK (stress BETWEEN 1 AND 5),
	rhr         INTEGER CHECK (rhr BETWEEN 25 AND 250),
	ill         INTEGER NOT NULL DEFAULT 0 CHECK (ill IN (0, 1)),
	pain        INTEGER NOT NULL DEFAULT 0 CHECK (pain IN (0, 1)),
	swelling    INTEGER NOT NULL DEFAULT 0 CHECK (swelling IN (0, 1)),
	numbness    INTEGER NOT NULL DEFAULT 0 CHECK (numbness IN (0, 1)),
	no_weight   INTEGER NOT NULL DEFAULT 0 CHECK (no_weight IN (0, 1)),
	note        TEXT    CHECK (length(note) <= 4000),
	created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);

CREATE TABLE rest (
	id          INTEGER PRIMARY KEY,
	day         TEXT    NOT NULL UNIQUE CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	note        TEXT    CHECK (length(note) <= 4000),
	created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);

-- Undo. Every change the user makes runs in one transaction that opens an
-- undo group; triggers record, for each row changed, the SQL that puts it
-- back (quote() formats the old values, so nothing is interpolated by
-- hand). Undo replays a group's statements newest first and drops it.
CREATE TABLE undo_group (
	id     INTEGER PRIMARY KEY,
	label  TEXT NOT NULL,
	at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);
CREATE TABLE undo_log (
	seq    INTEGER PRIMARY KEY,
	grp    INTEGER NOT NULL REFERENCES undo_group (id) ON DELETE CASCADE,
	sql    TEXT NOT NULL
);
CREATE INDEX undo_log_grp ON undo_log (grp);
-- The open group, or 0 while nothing records (during undo itself). In a
-- batch (an import, the demo) bulk is 1: inserted rows are not recorded one
-- by one; the store records one range DELETE per table when it commits.
CREATE TABLE undo_state (grp INTEGER NOT NULL, bulk INTEGER NOT NULL DEFAULT 0);
INSERT INTO undo_state VALUES (0, 0);

CREATE TRIGGER run_ins AFTER INSERT ON run WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'DELETE FROM run WHERE id=' || new.id);
END;
CREATE TRIGGER run_del BEFORE DELETE ON run WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'INSERT INTO run (id, day, distance_m, duration_s, rpe, type, avg_hr, climb_m, mass_before_g, mass_after_g, note, source, external_id, created_at, updated_at) VALUES ('
	    || old.id || ',' || quote(old.day) || ',' || old.distance_m || ',' || old.duration_s || ','
	    || quote(old.rpe) || ',' || quote(old.type) || ',' || quote(old.avg_hr) || ',' || quote(old.climb_m) || ','
	    || quote(old.mass_before_g) || ',' || quote(old.mass_after_g) || ',' || quote(old.note) || ','
	    || quote(old.source) || ',' || quote(old.external_id) || ',' || quote(old.created_at) || ','
	    || quote(old.updated_at) || ')');
END;
CREATE TRIGGER run_upd BEFORE UPDATE ON run WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'UPDATE run SET day=' || quote(old.day) || ',distance_m=' || old.distance_m
	    || ',duration_s=' || old.duration_s || ',rpe=' || quote(old.rpe) || ',type=' || quote(old.type)
	    || ',avg_hr=' || quote(old.avg_hr) || ',climb_m=' || quote(old.climb_m)
	    || ',mass_before_g=' || quote(old.mass_before_g) || ',mass_after_g=' || quote(old.mass_after_g)
	    || ',note=' || quote(old.note) || ',source=' || quote(old.source)
	    || ',external_id=' || quote(old.external_id) || ',created_at=' || quote(old.created_at)
	    || ',updated_at=' || quote(old.updated_at) || ' WHERE id=' || old.id);
END;

CREATE TRIGGER sleep_ins AFTER INSERT ON sleep WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'DELETE FROM sleep WHERE id=' || new.id);
END;
CREATE TRIGGER sleep_del BEFORE DELETE ON sleep WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'INSERT INTO sleep (id, day, minutes, quality, note, created_at, updated_at) VALUES ('
	    || old.id || ',' || quote(old.day) || ',' || old.minutes || ',' || quote(old.quality) || ','
	    || quote(old.note) || ',' || quote(old.created_at) || ',' || quote(old.updated_at) || ')');
END;
CREATE TRIGGER sleep_upd BEFORE UPDATE ON sleep WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'UPDATE sleep SET day=' || quote(old.day) || ',minutes=' || old.minutes
	    || ',quality=' || quote(old.quality) || ',note=' || quote(old.note)
	    || ',created_at=' || quote(old.created_at) || ',updated_at=' || quote(old.updated_at)
	    || ' WHERE id=' || old.id);
END;

CREATE TRIGGER drink_ins AFTER INSERT ON drink WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'DELETE FROM drink WHERE id=' || new.id);
END;
CREATE TRIGGER drink_del BEFORE DELETE ON drink WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'INSERT INTO drink (id, day, volume_ml, electrolytes, created_at, updated_at) VALUES ('
	    || old.id || ',' || quote(old.day) || ',' || old.volume_ml || ',' || old.electrolytes || ','
	    || quote(old.created_at) || ',' || quote(old.updated_at) || ')');
END;
CREATE TRIGGER drink_upd BEFORE UPDATE ON drink WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'UPDATE drink SET day=' || quote(old.day) || ',volume_ml=' || old.volume_ml
	    || ',electrolytes=' || old.electrolytes || ',created_at=' || quote(old.created_at)
	    || ',updated_at=' || quote(old.updated_at) || ' WHERE id=' || old.id);
END;

CREATE TRIGGER checkin_ins AFTER INSERT ON checkin WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'DELETE FROM checkin WHERE id=' || new.id);
END;
CREATE TRIGGER checkin_del BEFORE DELETE ON checkin WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'INSERT INTO checkin (id, day, fatigue, soreness, mood, stress, rhr, ill, pain, swelling, numbness, no_weight, note, created_at, updated_at) VALUES ('
	    || old.id || ',' || quote(old.day) || ',' || old.fatigue || ',' || quote(old.soreness) || ','
	    || quote(old.mood) || ',' || quote(old.stress) || ',' || quote(old.rhr) || ','
	    || old.ill || ',' || old.pain || ',' || old.swelling || ',' || old.numbness || ',' || old.no_weight || ','
	    || quote(old.note) || ',' || quote(old.created_at) || ',' || quote(old.updated_at) || ')');
END;
CREATE TRIGGER checkin_upd BEFORE UPDATE ON checkin WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'UPDATE checkin SET day=' || quote(old.day) || ',fatigue=' || old.fatigue
	    || ',soreness=' || quote(old.soreness) || ',mood=' || quote(old.mood)
	    || ',stress=' || quote(old.stress) || ',rhr=' || quote(old.rhr)
	    || ',ill=' || old.ill || ',pain=' || old.pain || ',swelling=' || old.swelling
	    || ',numbness=' || old.numbness || ',no_weight=' || old.no_weight
	    || ',note=' || quote(old.note) || ',created_at=' || quote(old.created_at)
	    || ',updated_at=' || quote(old.updated_at) || ' WHERE id=' || old.id);
END;

CREATE TRIGGER rest_ins AFTER INSERT ON rest WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'DELETE FROM rest WHERE id=' || new.id);
END;
CREATE TRIGGER rest_del BEFORE DELETE ON rest WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'INSERT INTO rest (id, day, note, created_at, updated_at) VALUES ('
	    || old.id || ',' || quote(old.day) || ',' || quote(old.note) || ','
	    || quote(old.created_at) || ',' || quote(old.updated_at) || ')');
END;
CREATE TRIGGER rest_upd BEFORE UPDATE ON rest WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, sql) VALUES ((SELECT grp FROM undo_state),
	    'UPDATE rest SET day=' || quote(old.day) || ',note=' || quote(old.note)
	    || ',created_at=' || quote(old.created_at) || ',updated_at=' || quote(old.updated_at)
	    || ' WHERE id=' || old.id);
END;
