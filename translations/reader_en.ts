<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms only: the source strings are English, but "%n match(es)" needs a
     catalogue to read "1 match" / "3 matches". Everything else falls back to the source. -->
<TS version="2.1" language="en">
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message numerus="yes">
        <source>%n model(s) available. Choose one and press Download and install.</source>
        <translation>
            <numerusform>%n model available. Choose it and press Download and install.</numerusform>
            <numerusform>%n models available. Choose one and press Download and install.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message numerus="yes">
        <source>%Ln sentence(s), %1</source>
        <translation>
            <numerusform>%Ln sentence, %1</numerusform>
            <numerusform>%Ln sentences, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n sentence</numerusform>
            <numerusform>%n sentences</numerusform>
        </translation>
    </message>
</context>
</TS>
