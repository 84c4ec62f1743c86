<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Dates</name>
    <message>
        <source>{typed} is not a date; give YYYY-MM-DD, e.g. 2026-03-02</source>
        <extracomment>The years a typed date or time may fall in. Anything outside is a typing slip (and the edges of Python&apos;s calendar, years 1 and 9999, cannot be converted between zones). What the window shows and what a nurse types: date, and date with 24-hour time.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{typed} is not a real calendar date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} is outside the years {first} to {last}; check the year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{typed} is not a date and 24-hour time; give e.g. 2026-03-12 08:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{typed} has a fraction of a second; give the time to the minute (or whole seconds), e.g. 2026-03-12 08:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{typed} is not a real date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{typed} did not exist on this computer&apos;s clock: the clocks went forward for daylight saving; check the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{typed} happened twice: the clocks went back for daylight saving; add the UTC offset: {typed} {first} or {typed} {second}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>{typed} is ambiguous: a point before three digits separates thousands; give {as_decimal} for a decimal or {as_whole} for a whole number</source>
        <extracomment>No laboratory value or temperature needs more significant digits than this. A point followed by exactly three digits: a thousands separator where the comma is the decimal mark (&quot;2.100&quot; is 2100 there, 2.1 elsewhere).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{typed} contains a comma; use a decimal point, e.g. 1.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{typed} is not a number; give e.g. 0,42</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{typed} is not a number; give e.g. 0.42</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{typed} has too many digits to be a measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{typed} is not a number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>unknown count unit {typed}; use {accepted}</source>
        <extracomment>The internal unit of every count (docs/clinical-rules.md#units-ucum). docs/clinical-rules.md#units-ucum: ×10⁹/L = ×10^3/µL = G/L; 1 ×10⁹/L = 1000 cells/µL = 1000/mm³.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
