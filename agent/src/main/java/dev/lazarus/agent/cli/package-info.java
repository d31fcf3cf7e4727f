/**
 * The operator's command line ({@code lazarus status|dump|verify|compact}): reads a data
 * directory without the application, under its lock or without it as each command needs.
 */
package dev.lazarus.agent.cli;
