export const questions = ["a deck whose export has the wrong name"];
