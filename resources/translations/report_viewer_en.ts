<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CollectionPicker</name>
    <message numerus="yes">
        <source>%1 (%n report(s))</source>
        <translation>
            <numerusform>%1 (%n report)</numerusform>
            <numerusform>%1 (%n reports)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message numerus="yes">
        <source>Printed %n page(s)</source>
        <translation>
            <numerusform>Printed %n page</numerusform>
            <numerusform>Printed %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%n page(s), %2 KB)</source>
        <translation>
            <numerusform>Saved %1 (%n page, %2 KB)</numerusform>
            <numerusform>Saved %1 (%n pages, %2 KB)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%n figure(s), %2 KB)</source>
        <translation>
            <numerusform>Saved %1 (%n figure, %2 KB)</numerusform>
            <numerusform>Saved %1 (%n figures, %2 KB)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnreviewedControls</name>
    <message numerus="yes">
        <source>%n figure(s) awaiting review (%1)</source>
        <translation>
            <numerusform>%n figure awaiting review (%1)</numerusform>
            <numerusform>%n figures awaiting review (%1)</numerusform>
        </translation>
    </message>
</context>
</TS>
