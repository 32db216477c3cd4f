declare noalias ptr @malloc(i64)
declare void @free(ptr)

define void @one() {
  %p = call ptr @malloc(i64 64)
  store i8 0, ptr %p
  call void @free(ptr %p)
  ret void
}
