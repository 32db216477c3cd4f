# A Makefile that names its own compiler (as cJSON's does): CC = gcc.
CC = gcc
