// One storage module for everything the learner keeps in this browser: worksheets, quizzes,
// journal, self-test, progress and the project workbooks. Each is a named record stored as
// {version, saved, data} under a key scoped to the site's path, so two copies of the course on one
// host (/course-staging/ and /course/) never share rows.
//
// Rules every record follows:
// - Migrations run forward, one version at a time (migrations[n] turns version n into n + 1), and
//   never drop data: a migration only renames or adds.
// - A record that cannot be read (cut short, not JSON) is kept aside under "<key>:kept:<time>" with
//   its raw text, the reader is told, and the record starts afresh.
// - A record written by a newer version of the site is kept as it is and this page does not write
//   over it (saving reports failure): the reader is told to reload.
// - Kept-aside copies are pruned: at most KEEP_ASIDE per record, the oldest go first, and the same
//   text is never kept twice (a page load that finds the same broken record adds nothing).
export const KEEP_ASIDE = 3;

/**
 * A store over `storage` (localStorage, or a stand-in in tests) for the site at path `scope`.
 * A record an older build kept elsewhere is adopted once, when the new key is still empty.
 */
export function createStore({ storage, scope, clock = () => new Date(), legacyKey = () => null }) {
  // `legacyKey(name)` → the key an older build kept the record under, or null.
  const prefix = `crossdept@${scope}`;
  const keyOf = (name) => `${prefix}:${name}`;

  function get(key) {
    try {
      return storage.getItem(key);
    } catch (error) {
      return null; // storage disabled: work in memory, saving reports the failure
    }
  }

  function set(key, text) {
    try {
      storage.setItem(key, text);
      return true;
    } catch (error) {
      return false; // full or disabled
    }
  }

  function keysOf(key) {
    const found = [];
    try {
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (k && k.startsWith(`${key}:kept:`)) found.push(k);
      }
    } catch (error) {
      // no storage: nothing kept
    }
    return found.sort();
  }

  /** Kept-aside copies of a record: [{key, when, text}], oldest first. */
  function keptAside(name) {
    return keysOf(keyOf(name)).map((k) => ({ key: k, when: k.slice(k.lastIndexOf(":kept:") + 6), text: get(k) || "" }));
  }

  function keepAside(key, raw) {
    const kept = keysOf(key);
    if (kept.some((k) => get(k) === raw)) return true;
    const stored = set(`${key}:kept:${clock().toISOString()}`, raw);
    keysOf(key).slice(0, -KEEP_ASIDE).forEach((k) => {
      try {
        storage.removeItem(k);
      } catch (error) {
        // nothing to prune without storage
      }
    });
    return stored;
  }

  /**
   * A versioned record. `empty()` is its data when there is none; `migrations` as above.
   * Returns {load, save, remove, key, notice, readOnly}: load() gives the data (migrated), save(data)
   * returns whether it was stored, notice() what loading had to do (Chinese, for the reader) or "".
   */
  function record(name, { version, migrations = {}, empty = () => ({}), legacy = null }) {
    const key = keyOf(name);
    let notice = "";
    let readOnly = false;

    // An older build's record: stored the same way ({version, data}), or in a shape of its own that
    // `legacy(parsed)` turns into this record's data at version 1. It is copied, not moved.
    function adoptLegacy() {
      const old = legacyKey(name);
      let raw = old ? get(old) : null;
      if (raw !== null && legacy) {
        try {
          const data = legacy(JSON.parse(raw));
          if (data) raw = JSON.stringify({ version: 1, saved: clock().toISOString(), data });
        } catch (error) {
          // unreadable: kept aside below like any broken record
        }
      }
      if (raw !== null) set(key, raw);
      return raw;
    }

    function load() {
      notice = "";
      readOnly = false;
      const raw = get(key) ?? adoptLegacy();
      if (raw === null) return empty();
      let stored;
      try {
        stored = JSON.parse(raw);
      } catch (error) {
        stored = null;
      }
      if (!stored || typeof stored !== "object" || !Number.isInteger(stored.version) || stored.version < 1
          || !stored.data || typeof stored.data !== "object") {
        const kept = keepAside(key, raw);
        notice = kept
          ? "浏览器里保存的这部分内容已损坏，无法读取：原文已另外保存，可以下载下来查看；这里重新开始。"
          : "浏览器里保存的这部分内容已损坏，而且存储已满，无法另存原文；请先下载备份，不要清除浏览器数据。";
        return empty();
      }
      if (stored.version > version) {
        readOnly = true;
        keepAside(key, raw);
        notice = "这部分内容是用更新版本的课程网站保存的：请刷新页面。在此之前，这里的修改不会覆盖它。";
        return empty();
      }
      let data = stored.data;
      for (let v = stored.version; v < version; v++) data = migrations[v](data);
      return data;
    }

    function save(data) {
      if (readOnly) return false;
      return set(key, JSON.stringify({ version, saved: clock().toISOString(), data }));
    }

    function remove() {
      try {
        storage.removeItem(key);
      } catch (error) {
        // nothing stored
      }
    }

    // The stored text as it is now: a caller compares it to what it last read to see another tab's write.
    const raw = () => get(key);

    return { key, load, save, remove, raw, notice: () => notice, readOnly: () => readOnly, keptAside: () => keptAside(name) };
  }

  return { record, keyOf, keptAside };
}
