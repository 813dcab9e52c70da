-- runlog journal, version 2: the same tables with CHECK constraints that
-- match the program's own validation exactly (include/entry.h, src/entry.c),
-- so that a row the program would refuse cannot be stored by any means:
-- a real calendar date from 1900-01-01 to 2099-12-31 (date(day, '+0 days')
-- gives the day back unchanged, where 2026-02-30 would become 2026-03-02),
-- each number an integer within its field's range,
-- booleans 0 or 1, a body mass given before and after or not at all, notes
-- of at most 4000 bytes with no control characters, and sane origin fields
-- and time stamps. Each constraint is named after its column, so a refusal
-- names the field.
--
-- Version 1 is never edited; this rebuilds each table: its rows are kept
-- aside in a temporary table (in memory), the table is dropped (with its
-- index and triggers) and created again with the checks, the rows go back
-- with the same ids and values, and the index and undo triggers are
-- created again exactly as version 1 defines them. (Renaming tables
-- instead would re-read the whole schema at every step, some milliseconds
-- that every open would pay to build the expected schema.) runlog tries
-- every row against these checks before it starts, and the upgrade is one
-- transaction.

-- run
CREATE TEMP TABLE run_v1 AS SELECT * FROM main.run;
DROP TABLE main.run;
CREATE TABLE run (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL CONSTRAINT day CHECK (typeof(day) = 'text' AND date(day,
	    '+0 days') IS day AND day BETWEEN '1900-01-01' AND '2099-12-31'),
	distance_m INTEGER NOT NULL CONSTRAINT distance_m CHECK (typeof(distance_m) =
	    'integer' AND distance_m > 0 AND distance_m <= 500000),
	duration_s INTEGER NOT NULL CONSTRAINT duration_s CHECK (typeof(duration_s) =
	    'integer' AND duration_s > 0 AND duration_s <= 172800),
	rpe INTEGER CONSTRAINT rpe CHECK (rpe IS NULL OR (typeof(rpe) = 'integer' AND
	    rpe BETWEEN 1 AND 10)),
	type TEXT NOT NULL DEFAULT 'easy' CONSTRAINT type CHECK (type = 'easy' OR
	    type = 'long' OR type = 'tempo' OR type = 'interval' OR type = 'race' OR
	    type = 'recovery' OR type = 'other'),
	avg_hr INTEGER CONSTRAINT avg_hr CHECK (avg_hr IS NULL OR (typeof(avg_hr) =
	    'integer' AND avg_hr BETWEEN 25 AND 250)),
	climb_m INTEGER CONSTRAINT climb_m CHECK (climb_m IS NULL OR (typeof(climb_m)
	    = 'integer' AND climb_m BETWEEN 0 AND 20000)),
	mass_before_g INTEGER CONSTRAINT mass_before_g CHECK (mass_before_g IS NULL
	    OR (typeof(mass_before_g) = 'integer' AND mass_before_g BETWEEN 20000 AND
	    300000)),
	mass_after_g INTEGER CONSTRAINT mass_after_g CHECK (mass_after_g IS NULL OR
	    (typeof(mass_after_g) = 'integer' AND mass_after_g BETWEEN 20000 AND
	    300000)),
	note TEXT CONSTRAINT note CHECK (note IS NULL OR (typeof(note) = 'text' AND
	    length(CAST(note AS BLOB)) <= 4000 AND note NOT GLOB '*[' || char(1) ||
	    '-' || char(31) || char(127) || char(128) || '-' || char(159) || ']*')),
	source TEXT NOT NULL DEFAULT 'runlog' CONSTRAINT source CHECK (typeof(source)
	    = 'text' AND length(source) BETWEEN 1 AND 64 AND source NOT GLOB '*[' ||
	    char(1) || '-' || char(31) || char(127) || ']*'),
	external_id TEXT CONSTRAINT external_id CHECK (external_id IS NULL OR
	    (typeof(external_id) = 'text' AND length(external_id) BETWEEN 1 AND 200
	    AND external_id NOT GLOB '*[' || char(1) || '-' || char(31) || char(127)
	    || ']*')),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
	    CONSTRAINT created_at CHECK (typeof(created_at) = 'text' AND created_at
	    GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]'),
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
	    CONSTRAINT updated_at CHECK (typeof(updated_at) = 'text' AND updated_at
	    GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]'),
	CONSTRAINT body_mass CHECK ((mass_before_g IS NULL) = (mass_after_g IS
	    NULL)),
	UNIQUE (source, external_id)
);
CREATE INDEX run_day ON run (day);
INSERT INTO run (id, day, distance_m, duration_s, rpe, type, avg_hr, climb_m, mass_before_g, mass_after_g, note, source, external_id, created_at, updated_at)
	SELECT id, day, distance_m, duration_s, rpe, type, avg_hr, climb_m, mass_before_g, mass_after_g, note, source, external_id, created_at, updated_at FROM temp.run_v1;
DROP TABLE temp.run_v1;
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

-- sleep
CREATE TEMP TABLE sleep_v1 AS SELECT * FROM main.sleep;
DROP TABLE main.sleep;
CREATE TABLE sleep (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL UNIQUE CONSTRAINT day CHECK (typeof(day) = 'text' AND
	    date(day, '+0 days') IS day AND day BETWEEN '1900-01-01' AND
	    '2099-12-31'),
	minutes INTEGER NOT NULL CONSTRAINT minutes CHECK (typeof(minutes) =
	    'integer' AND minutes >= 0 AND minutes <= 1440),
	quality INTEGER CONSTRAINT quality CHECK (quality IS NULL OR (typeof(quality)
	    = 'integer' AND quality BETWEEN 1 AND 5)),
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
INSERT INTO sleep (id, day, minutes, quality, note, created_at, updated_at)
	SELECT id, day, minutes, quality, note, created_at, updated_at FROM temp.sleep_v1;
DROP TABLE temp.sleep_v1;
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

-- drink
CREATE TEMP TABLE drink_v1 AS SELECT * FROM main.drink;
DROP TABLE main.drink;
CREATE TABLE drink (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL CONSTRAINT day CHECK (typeof(day) = 'text' AND date(day,
	    '+0 days') IS day AND day BETWEEN '1900-01-01' AND '2099-12-31'),
	volume_ml INTEGER NOT NULL CONSTRAINT volume_ml CHECK (typeof(volume_ml) =
	    'integer' AND volume_ml > 0 AND volume_ml <= 20000),
	electrolytes INTEGER NOT NULL DEFAULT 0 CONSTRAINT electrolytes CHECK
	    (typeof(electrolytes) = 'integer' AND electrolytes IN (0, 1)),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
	    CONSTRAINT created_at CHECK (typeof(created_at) = 'text' AND created_at
	    GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]'),
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
	    CONSTRAINT updated_at CHECK (typeof(updated_at) = 'text' AND updated_at
	    GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]')
);
CREATE INDEX drink_day ON drink (day);
INSERT INTO drink (id, day, volume_ml, electrolytes, created_at, updated_at)
	SELECT id, day, volume_ml, electrolytes, created_at, updated_at FROM temp.drink_v1;
DROP TABLE temp.drink_v1;
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

-- checkin
CREATE TEMP TABLE checkin_v1 AS SELECT * FROM main.checkin;
DROP TABLE main.checkin;
CREATE TABLE checkin (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL UNIQUE CONSTRAINT day CHECK (typeof(day) = 'text' AND
	    date(day, '+0 days') IS day AND day BETWEEN '1900-01-01' AND
	    '2099-12-31'),
	fatigue INTEGER NOT NULL CONSTRAINT fatigue CHECK (typeof(fatigue) =
	    'integer' AND fatigue >= 1 AND fatigue <= 10),
	soreness INTEGER CONSTRAINT soreness CHECK (soreness IS NULL OR
	    (typeof(soreness) = 'integer' AND soreness BETWEEN 1 AND 10)),
	mood INTEGER CONSTRAINT mood CHECK (mood IS NULL OR (typeof(mood) = 'integer'
	    AND mood BETWEEN 1 AND 5)),
	stress INTEGER CONSTRAINT stress CHECK (stress IS NULL OR (typeof(stress) =
	    'integer' AND stress BETWEEN 1 AND 5)),
	rhr INTEGER CONSTRAINT rhr CHECK (rhr IS NULL OR (typeof(rhr) = 'integer' AND
	    rhr BETWEEN 25 AND 250)),
	ill INTEGER NOT NULL DEFAULT 0 CONSTRAINT ill CHECK (typeof(ill) = 'integer'
	    AND ill IN (0, 1)),
	pain INTEGER NOT NULL DEFAULT 0 CONSTRAINT pain CHECK (typeof(pain) =
	    'integer' AND pain IN (0, 1)),
	swelling INTEGER NOT NULL DEFAULT 0 CONSTRAINT swelling CHECK
	    (typeof(swelling) = 'integer' AND swelling IN (0, 1)),
	numbness INTEGER NOT NULL DEFAULT 0 CONSTRAINT numbness CHECK
	    (typeof(numbness) = 'integer' AND numbness IN (0, 1)),
	no_weight INTEGER NOT NULL DEFAULT 0 CONSTRAINT no_weight CHECK
	    (typeof(no_weight) = 'integer' AND no_weight IN (0, 1)),
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
INSERT INTO checkin (id, day, fatigue, soreness, mood, stress, rhr, ill, pain, swelling, numbness, no_weight, note, created_at, updated_at)
	SELECT id, day, fatigue, soreness, mood, stress, rhr, ill, pain, swelling, numbness, no_weight, note, created_at, updated_at FROM temp.checkin_v1;
DROP TABLE temp.checkin_v1;
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

-- rest
CREATE TEMP TABLE rest_v1 AS SELECT * FROM main.rest;
DROP TABLE main.rest;
CREATE TABLE rest (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL UNIQUE CONSTRAINT day CHECK (typeof(day) = 'text' AND
	    date(day, '+0 days') IS day AND day BETWEEN '1900-01-01' AND
	    '2099-12-31'),
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
INSERT INTO rest (id, day, note, created_at, updated_at)
	SELECT id, day, note, created_at, updated_at FROM temp.rest_v1;
DROP TABLE temp.rest_v1;
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
