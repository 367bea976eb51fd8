/**
 * Demo organisations: a seeded generator that writes a realistic company of any size (up to
 * 500,000 people) in the HR import format, and the {@code generate} command that runs it.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.demo;
