-- Who is named in a pad's text (personName nodes, e.g. a promoted chat message's author): when that person changes
-- their credit choice or is erased, only these pads are rewritten and re-indexed, not every pad of the edition.
CREATE TABLE pad_people (
  pad_id TEXT NOT NULL REFERENCES pads(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (pad_id, user_id)
);
CREATE INDEX pad_people_user ON pad_people(user_id);
