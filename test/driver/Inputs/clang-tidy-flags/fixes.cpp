struct extra_semi {
  void f() {};
};

const char *tail() { return "abc" + 1; }

#ifdef BROKEN
#error broken on purpose
#endif
