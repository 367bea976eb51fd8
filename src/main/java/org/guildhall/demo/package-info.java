/**
 * Demo organisations: a seeded generator that writes a realistic company of any size (up to
 * 500,000 people) in the HR import format, the {@code generate} command that runs it, and the
 * seeding of an empty Guildhall with the demo organisation on first start.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.demo;
