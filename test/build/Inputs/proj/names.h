int name_len(const char *s);
void name_keep(const char *s);
extern char *g_last;
