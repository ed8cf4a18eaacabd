#!/usr/bin/env python3
"""Reads the fake Bot API's record of sends (fake-telegram --record) and prints one JSON line.

  sends.py RECORD outbound [RETRY_AFTER RETRY_AT]   rate, 429s, the shortest and median span of 31 accepted sends,
                                                    the pause after the retry_after injected after RETRY_AT
                                                    accepted sends, losses, doubles
  sends.py RECORD nudges FIRST_CHAT FIRST_DUE RATE   lateness of each chat's message against its nudge's due time
  sends.py RECORD failover KILLED_AT_US             as outbound, around a kill -9 of the sending instance at KILLED_AT_US
                                                    (unix µs, the machine's clock, as the record's): the time from the
                                                    kill to the new sender's first accepted send (the end of the longest
                                                    pause in the 10 s after it), and the rate with that pause left out
  … --wire TCPDUMP_TEXT                             also the sends' times on the wire (`tcpdump -tt -A` of the requests'
                                                    first packets): the shortest and median span of 31 requests there,
                                                    and how late the fake's clock was against the kernel's
"""
import bisect
import csv
import json
import re
import sys
from datetime import datetime


MAX_LATENCY = 0.15  # the fake's latency is 50-150 ms


def load(path):
    # Arrival in seconds, from the µs column.
    with open(path, newline="") as f:
        return [(int(r["at_unix_us"]) / 1e6, r["method"], int(r["chat_id"]), int(r["status"])) for r in csv.DictReader(f)]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))] if values else None


def outbound(calls, retry_after, retry_at):
    ok = [c for c in calls if c[3] == 200]
    refused = [c for c in calls if c[3] == 429]
    per_chat = {}
    for c in ok:
        per_chat[c[2]] = per_chat.get(c[2], 0) + 1
    first, last = ok[0][0], ok[-1][0]
    result = {
        "delivered": len(ok),
        "chats": len(per_chat),
        "doubled": sum(1 for n in per_chat.values() if n > 1),
        "refused429": len(refused),
        "limit429": len(refused) - (1 if retry_after else 0),
        "seconds": round(last - first, 1),
    }
    pause = 0.0
    if retry_after and refused:
        # The service learns of the 429 when its answer arrives, after the fake's latency (at most MAX_LATENCY);
        # sends already on their way by then cannot be called back.
        # The injected one: the first 429 after RETRY_AT accepted sends (others are the fake's limit refusals).
        t429 = next((c[0] for c in refused if sum(1 for o in ok if o[0] < c[0]) >= retry_at), refused[0][0])
        known = t429 + MAX_LATENCY
        after = [c[0] for c in ok if c[0] >= known]
        during = [t for t in after if t < t429 + retry_after]
        resumed = after[0] - t429 if after else None
        # Full speed again: the first moment after the pause from which a whole second carries at least 29 sends.
        full = None
        for i, t in enumerate(after):
            if len([u for u in after[i:i + 40] if u < t + 1.0]) >= 29:
                full = round(t - t429, 2)
                break
        result.update({"sendsDuringPause": len(during), "resumedAfter": round(resumed, 2) if resumed else None, "fullSpeedAfter": full})
        pause = resumed or 0.0
    result["perSecond"] = round((len(ok) - 1) / (last - first - pause), 2)
    # The slowest whole minute of steady sending (the minute around the pause left out).
    result["slowestMinutePerSecond"] = slowest_minute(ok, t429 if retry_after and refused else None)
    # How close the limit was: the time from each accepted send to the 30th after it (at 30/s, at least a second).
    windows = sorted(ok[i + 30][0] - ok[i][0] for i in range(len(ok) - 30))
    if windows:
        result.update({"windowMinMs": round(windows[0] * 1000, 2), "windowP50Ms": round(pct(windows, 0.5) * 1000, 2)})
    return result


def slowest_minute(ok, left_out):
    """Sends a second in the slowest whole minute from the first accepted send on, the minute around LEFT_OUT (a time) left out."""
    minutes = []
    t, last = ok[0][0], ok[-1][0]
    while t + 60 <= last:
        if left_out is None or not t <= left_out < t + 60:
            minutes.append(sum(1 for c in ok if t <= c[0] < t + 60) / 60.0)
        t += 60
    return round(min(minutes), 2) if minutes else None


def failover(calls, killed_at):
    result = outbound(calls, 0, 0)
    ok = [c for c in calls if c[3] == 200]
    before = [c[0] for c in ok if c[0] < killed_at]
    after = [c[0] for c in ok if c[0] >= killed_at]
    if not before or not after:
        return {**result, "failover": None}
    # The takeover: the longest pause between accepted sends in the 10 s from the kill. Sends the killed instance
    # already had on their way can still land just after the kill; the new sender's first send ends the pause.
    points = [before[-1]] + [t for t in after if t < killed_at + 10]
    resumed = max(range(1, len(points)), key=lambda k: points[k] - points[k - 1])
    gap = points[resumed] - points[resumed - 1]
    resumed_at = points[resumed]
    # Full speed again: the first moment after the kill from which a whole second carries at least 29 sends.
    full = next((round(t - killed_at, 2) for i, t in enumerate(after) if t >= resumed_at and len([u for u in after[i:i + 40] if u < t + 1.0]) >= 29), None)
    result.update({
        "refusedAt": [round(c[0] - ok[0][0], 2) for c in calls if c[3] == 429],
        "lastBeforeKill": round(killed_at - before[-1], 3),
        "landedAfterKill": len([t for t in after if t < resumed_at]),
        "failover": round(resumed_at - killed_at, 2),
        "fullSpeedAfter": full,
        "sentBeforeKill": len(before),
        "perSecond": round((len(ok) - 1) / (ok[-1][0] - ok[0][0] - gap), 2),
        "slowestMinutePerSecond": slowest_minute(ok, killed_at),
    })
    return result


def load_wire(path):
    """The kernel's time of each sendMessage request's first packet, from tcpdump's text: a packet's line starts with its
    time, and its payload follows as text."""
    times, last = [], None
    with open(path, errors="replace") as f:
        for line in f:
            header = re.match(r"^(\d+\.\d+) IP ", line)
            if header:
                last = float(header.group(1))
            elif last is not None and "POST /bot" in line and "/sendMessage" in line:
                times.append(last)
                last = None
    return sorted(times)


def nearest(times, at):
    i = bisect.bisect_left(times, at)
    return min(times[max(i - 1, 0):i + 1], key=lambda t: abs(t - at))


def wire(calls, times):
    """Spans of 31 requests on the wire (every send counts, refused or not), and the fake's clock against the kernel's."""
    spans = sorted(times[i + 30] - times[i] for i in range(len(times) - 30))
    # Each send the fake clocked against the nearest request on the wire, within the capture: the fake takes a send's
    # time from the kernel to its 4 ms tick, so its clock can be a little before the request's first packet too.
    captured = [c for c in calls if times and times[0] <= c[0] <= times[-1] + 0.01]
    late = sorted(c[0] - nearest(times, c[0]) for c in captured)
    return {
        "wireRequests": len(times),
        "wireMinMs": round(spans[0] * 1000, 2) if spans else None,
        "wireP50Ms": round(pct(spans, 0.5) * 1000, 2) if spans else None,
        "fakeLateP99Ms": round(pct(late, 0.99) * 1000, 2) if late else None,
        "fakeLateMaxMs": round(late[-1] * 1000, 2) if late else None,
    }


def nudges(calls, first_chat, first_due, rate):
    ok = {}
    for c in calls:
        if c[3] == 200 and c[2] not in ok:
            ok[c[2]] = c[0]
    late = [at - (first_due + (chat - first_chat) / rate) for chat, at in ok.items()]
    return {
        "sent": len(ok),
        "latenessP50": round(pct(late, 0.50), 3),
        "latenessP99": round(pct(late, 0.99), 3),
        "latenessMax": round(max(late), 3),
        "early": sum(1 for x in late if x < 0),
        "refused429": sum(1 for c in calls if c[3] == 429),
    }


args = sys.argv[1:]
wire_file = None
if "--wire" in args:
    at = args.index("--wire")
    wire_file = args[at + 1]
    del args[at:at + 2]
calls = sorted(load(args[0]))
on_wire = wire(calls, load_wire(wire_file)) if wire_file else {}
if args[1] == "outbound":
    print(json.dumps({**outbound(calls, float(args[2]) if len(args) > 2 else 0, int(args[3]) if len(args) > 3 else 0), **on_wire}))
elif args[1] == "failover":
    print(json.dumps({**failover(calls, int(args[2]) / 1e6), **on_wire}))
else:
    due = datetime.fromisoformat(args[3].replace("Z", "+00:00")).timestamp()
    print(json.dumps(nudges(calls, int(args[2]), due, float(args[4]))))
